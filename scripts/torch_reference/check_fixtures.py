#!/usr/bin/env python3
"""Runs bgnet_torch.BGNet / BGNetPlus on the small fixture input (1x1x128x256) and compares every
output and intermediate with the fixtures made by the upstream PyTorch model.

Prints max/mean |delta| per tensor and exits 1 unless:
  * disparities: max |d| <= 0.1 px and mean |d| <= 2e-3 px;
  * pre-slicing intermediates: max |d| <= 1e-4 * max|ref|;
  * cost volume, softmax and everything after slicing: max |d| <= 1e-3 * max|ref|
(the tolerances of testdata/fixtures/README.md);
  * confidence (max softmax probability, upsampled; values in (0, 1]): max |d| <= 1e-4, and <= 1e-3 on
    the 384x1280 pair (large_*_resized.png, BGNet only: bgnet_large_confidence.f32), the limits the
    Java tests use. Between BLAS kernels PyTorch itself moves it by up to 4e-5 (9e-5 on the large pair).

usage: /usr/bin/python3 scripts/torch_reference/check_fixtures.py [--fixtures DIR] [--threads T]

Bit-identity: the oneDNN 2-D convolutions match the fixtures exactly on any BLAS, but torch's
CPU ConvTranspose2d, Conv3d and ConvTranspose3d go through sgemm, so their rounding depends on the
BLAS library, its kernel and its thread count. With Debian's default netlib libblas3 the results
differ by float32 rounding only (disparity max |d| ~1e-3 px). Every tensor is bit-identical with
OpenBLAS 0.3.21 (Debian libopenblas0-pthread) forced to its Prescott kernel on 2 BLAS threads:
  OPENBLAS_CORETYPE=Prescott OPENBLAS_NUM_THREADS=2 /usr/bin/python3 .../check_fixtures.py
(add LD_LIBRARY_PATH=<dir of OpenBLAS's libblas.so.3> if it is not the system's libblas.so.3).
"""

import argparse
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import torch  # noqa: E402

import bgnet_torch  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FIXTURES = os.path.normpath(os.path.join(HERE, '..', '..', 'testdata', 'fixtures'))

DISP = 'disparity'
PRE = 'pre-slicing'
POST = 'post-slicing'
CONF = 'confidence'
CONF_LARGE = 'confidence at 384x1280'

# (fixture file stem, key in our debug dict / output name, kind)
BGNET_CHECKS = [
    ('bgnet_small_left_low_level', 'left_low_level', PRE),
    ('bgnet_small_left_gwc_feature', 'left_gwc_feature', PRE),
    ('bgnet_small_right_gwc_feature', 'right_gwc_feature', PRE),
    ('bgnet_small_gwc_volume', 'gwc_volume', PRE),
    ('bgnet_small_dres0', 'dres0', PRE),
    ('bgnet_small_coeffs', 'coeffs', PRE),
    ('bgnet_small_guide', 'guide', PRE),
    ('bgnet_small_final_cost_volume', 'final_cost_volume', POST),
    ('bgnet_small_softmax', 'softmax', POST),
    ('bgnet_small_out', 'out', DISP),
    ('bgnet_small_confidence', 'confidence', CONF),
]
PLUS_CHECKS = [
    ('bgnet_plus_small_refine_in_half_disp', 'refine_in_half_disp', POST),
    ('bgnet_plus_small_refine_in_left_half', 'refine_in_left_half', PRE),
    ('bgnet_plus_small_refine_in_right_half', 'refine_in_right_half', PRE),
    ('bgnet_plus_small_refine_residual', 'refine_residual', POST),
    ('bgnet_plus_small_refine_out_half_disp', 'refine_out_half_disp', POST),
    ('bgnet_plus_small_out', 'out', DISP),
    ('bgnet_plus_small_out2', 'out2', DISP),
    ('bgnet_plus_small_confidence', 'confidence', CONF),
]
LARGE_CHECKS = [
    ('bgnet_large_confidence', 'confidence', CONF_LARGE),
]


def load_f32(fixtures, stem):
    with open(os.path.join(fixtures, stem + '.json')) as f:
        meta = json.load(f)
    arr = np.fromfile(os.path.join(fixtures, stem + '.f32'), dtype='<f4')
    return arr.reshape(meta['shape'])


def compare(name, got, ref, kind):
    got = got.detach().cpu().numpy().astype(np.float32)
    if tuple(got.shape) != tuple(ref.shape):
        print(f'  {name:40s} SHAPE MISMATCH: got {tuple(got.shape)}, fixture {tuple(ref.shape)}  FAIL')
        return False
    d = np.abs(got.astype(np.float64) - ref.astype(np.float64))
    mx, mean = float(d.max()), float(d.mean())
    ref_max = float(np.abs(ref).max())
    if kind == DISP:
        ok = mx <= 0.1 and mean <= 2e-3
        limit = 'max<=0.1 px, mean<=2e-3 px'
    elif kind in (CONF, CONF_LARGE):
        tol = 1e-4 if kind == CONF else 1e-3
        ok = mx <= tol and float(got.min()) > 0 and float(got.max()) <= 1
        limit = f'max<={tol:g}, values in (0,1]'
    else:
        rel = 1e-4 if kind == PRE else 1e-3
        ok = mx <= rel * ref_max
        limit = f'max<={rel:g}*{ref_max:.4g}={rel * ref_max:.3g}'
    exact = ' (bit-identical)' if np.array_equal(got, ref) else ''
    print(f'  {name:40s} max|d|={mx:.3e} mean|d|={mean:.3e}  [{limit}]  '
          f'{"ok" if ok else "FAIL"}{exact}')
    return ok


def run(weights, left, right, checks, fixtures, plus):
    model, arch = bgnet_torch.load_model(weights)
    expected = 'bgnet_plus' if plus else 'bgnet'
    if arch != expected:
        print(f'  {weights}: detected {arch}, expected {expected}  FAIL')
        return False
    dbg = {}
    with torch.no_grad():
        out1, out2 = model(left, right, debug=dbg)
    dbg['out'] = out1
    dbg['out2'] = out2
    ok = True
    for stem, key, kind in checks:
        ok &= compare(stem, dbg[key], load_f32(fixtures, stem), kind)
    return ok


def small_inputs(fixtures):
    """The small fixture pair as [1, 1, 128, 256] tensors."""
    return (torch.from_numpy(load_f32(fixtures, 'input_small_left').copy()),
            torch.from_numpy(load_f32(fixtures, 'input_small_right').copy()))


def large_inputs(fixtures):
    """The 1280x384 pair (large_*_resized.png) as the Java CLI reads it: Pillow convert('L'), 0..255."""
    from PIL import Image

    def gray(name):
        with Image.open(os.path.join(fixtures, name)) as im:
            a = np.asarray(im.convert('L'), dtype=np.uint8).astype(np.float32)
        return torch.from_numpy(np.ascontiguousarray(a))[None, None]

    return gray('large_left_resized.png'), gray('large_right_resized.png')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--fixtures', default=DEFAULT_FIXTURES)
    ap.add_argument('--threads', type=int, default=1,
                    help='torch threads (the fixtures were made with 1; default 1)')
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    fx = args.fixtures
    left, right = small_inputs(fx)

    print(f'torch {torch.__version__}, {torch.get_num_threads()} thread(s), '
          f'BLAS {bgnet_torch.blas_in_use()}, fixtures {fx}')
    print('BGNet (bgnet_random.pth):')
    ok = run(os.path.join(fx, 'bgnet_random.pth'), left, right, BGNET_CHECKS, fx, False)
    print('BGNet+ (bgnet_plus_random.pth):')
    ok &= run(os.path.join(fx, 'bgnet_plus_random.pth'), left, right, PLUS_CHECKS, fx, True)
    print('BGNet (bgnet_random.pth) on the 1280x384 pair:')
    ok &= run(os.path.join(fx, 'bgnet_random.pth'), *large_inputs(fx), LARGE_CHECKS, fx, False)
    print('PASS' if ok else 'FAIL')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
