#!/usr/bin/env python3
"""Writes the confidence fixtures (issue 18) into testdata/fixtures: per pixel the largest of the 97
softmax probabilities of the regression at half resolution, upsampled x2 like the disparity
(bilinear, align_corners=False, no value scaling); for BGNet+ the regression before refinement.

  bgnet_small_confidence.f32       BGNet on input_small_{left,right}.f32        1x128x256
  bgnet_plus_small_confidence.f32  BGNet+ on the same input                      1x128x256
  bgnet_large_confidence.f32       BGNet on large_{left,right}_resized.png       1x384x1280

Each with a .json sidecar like the other fixtures. Made with 1 torch thread and OpenBLAS forced to its
Prescott kernel on 2 threads, the setting that reproduces every other fixture bit for bit (so these
belong to the same run as bgnet_small_softmax.f32):
  OPENBLAS_CORETYPE=Prescott OPENBLAS_NUM_THREADS=2 /usr/bin/python3 scripts/torch_reference/make_confidence_fixtures.py
check_fixtures.py checks the files against a fresh run.

--compare-f64 writes nothing: it prints how far the small fixtures (float32) are from the same networks
run in float64, the floor for any other float32 implementation's agreement with them (1.6e-4 for BGNet,
1.3e-4 for BGNet+ when they were made).
"""

import argparse
import hashlib
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import torch  # noqa: E402

import bgnet_torch  # noqa: E402
import check_fixtures  # noqa: E402

DESCRIPTION = ('{arch} confidence [N,H,W]: per half-resolution pixel max over the 97 softmax probabilities of '
               'the regression{before}, then F.interpolate(scale_factor=2, bilinear, align_corners=False) '
               '(eval, no_grad, float32, 1 thread)')


def confidence(weights, left, right):
    model, arch = bgnet_torch.load_model(weights)
    dbg = {}
    with torch.no_grad():
        model(left, right, debug=dbg)
    return dbg['confidence'], arch


def write(fixtures, stem, tensor, arch, weights, inputs):
    arr = np.ascontiguousarray(tensor.detach().cpu().numpy().astype('<f4'))
    path = os.path.join(fixtures, stem + '.f32')
    arr.tofile(path)
    with open(path, 'rb') as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    meta = {
        'file': stem + '.f32',
        'dtype': 'float32',
        'byte_order': 'little',
        'layout': 'C-contiguous (row-major), last index fastest',
        'shape': list(arr.shape),
        'description': DESCRIPTION.format(arch=arch, before=' before refinement' if arch == 'bgnet_plus' else ''),
        'stats': {'min': float(arr.min()), 'max': float(arr.max()), 'mean': float(arr.mean()),
                  'std': float(arr.std())},
        'sha256': digest,
        'model': os.path.basename(weights),
        'inputs': inputs,
        'made_by': 'scripts/torch_reference/make_confidence_fixtures.py, torch ' + torch.__version__
                   + ', BLAS ' + bgnet_torch.blas_in_use(),
    }
    with open(os.path.join(fixtures, stem + '.json'), 'w') as f:
        json.dump(meta, f, indent=2)
        f.write('\n')
    print(f'{stem}: {tuple(arr.shape)}, min {arr.min():.6g}, max {arr.max():.6g}, {arr.nbytes} bytes')


def compare_f64(fixtures, small):
    """Max/mean |float32 fixture - float64 run| of the two small confidence fixtures."""
    for weights, stem in (('bgnet_random.pth', 'bgnet'), ('bgnet_plus_random.pth', 'bgnet_plus')):
        model, _ = bgnet_torch.load_model(os.path.join(fixtures, weights))
        model = model.double()
        dbg = {}
        with torch.no_grad():
            model(small[0].double(), small[1].double(), debug=dbg)
        f64 = dbg['confidence'].numpy()
        f32 = check_fixtures.load_f32(fixtures, stem + '_small_confidence').astype(np.float64)
        d = np.abs(f32 - f64)
        print(f'{stem}_small_confidence vs float64: max |d| {d.max():.3g}, mean |d| {d.mean():.3g}')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--fixtures', default=check_fixtures.DEFAULT_FIXTURES)
    ap.add_argument('--compare-f64', action='store_true', help='print the fixtures\' distance to float64; write nothing')
    args = ap.parse_args()
    torch.set_num_threads(1)
    fx = args.fixtures
    small = check_fixtures.small_inputs(fx)
    if args.compare_f64:
        compare_f64(fx, small)
        return 0
    large = check_fixtures.large_inputs(fx)
    bgnet = os.path.join(fx, 'bgnet_random.pth')
    plus = os.path.join(fx, 'bgnet_plus_random.pth')
    small_names = ['input_small_left.f32', 'input_small_right.f32']
    conf, arch = confidence(bgnet, *small)
    write(fx, 'bgnet_small_confidence', conf, arch, bgnet, small_names)
    conf, arch = confidence(plus, *small)
    write(fx, 'bgnet_plus_small_confidence', conf, arch, plus, small_names)
    conf, arch = confidence(bgnet, *large)
    write(fx, 'bgnet_large_confidence', conf, arch, bgnet,
          ['large_left_resized.png', 'large_right_resized.png'])
    return 0


if __name__ == '__main__':
    sys.exit(main())
