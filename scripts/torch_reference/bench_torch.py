#!/usr/bin/env python3
"""Times the PyTorch BGNet / BGNet+ (bgnet_torch.py) on one stereo pair, on the CPU.

The images are loaded like the Java CLI does: Pillow convert('L') (8-bit grey), float32 gray
levels 0..255, no normalisation. Sizes that are not multiples of 64 are padded symmetrically at
the top and on the right (numpy 'symmetric' = edge-including mirror, the KITTI front end); the
output is cropped back. Only model.forward is timed (eval, no_grad).

usage: /usr/bin/python3 scripts/torch_reference/bench_torch.py --weights W --left L --right R
           [--runs N] [--warmup K] [--threads T] [--json FILE] [--save-disp FILE.f32]

JSON: {"median_ms","min_ms","max_ms","mean_ms","runs","warmup","threads","model","height",
       "width","padded_height","padded_width","peak_rss_mb","all_ms","torch_version","blas"}
"""

import argparse
import json
import os
import resource
import statistics
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def _threads_from_argv(argv):
    for i, a in enumerate(argv):
        if a == '--threads' and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith('--threads='):
            return a.split('=', 1)[1]
    return '2'


# BLAS libraries read their thread count when they are loaded (with torch): cap them at --threads
# too, or OpenBLAS would run its own pool of nproc threads inside torch's Conv3d/ConvTranspose.
for _var in ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS'):
    os.environ[_var] = _threads_from_argv(sys.argv[1:])

import numpy as np  # noqa: E402
import torch  # noqa: E402
from PIL import Image  # noqa: E402

import bgnet_torch  # noqa: E402


def load_gray(path):
    with Image.open(path) as im:
        return np.asarray(im.convert('L'), dtype=np.uint8).astype(np.float32)


def pad_to_64(img):
    """Symmetric padding at the top and on the right up to multiples of 64."""
    h, w = img.shape
    top = (-h) % 64
    right = (-w) % 64
    if top or right:
        img = np.pad(img, ((top, 0), (0, right)), mode='symmetric')
    return np.ascontiguousarray(img), top, right


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--weights', required=True, help='a BGNet or BGNet+ state_dict (.pth)')
    ap.add_argument('--left', required=True)
    ap.add_argument('--right', required=True)
    ap.add_argument('--runs', type=int, default=7)
    ap.add_argument('--warmup', type=int, default=1)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--json', help='write the results here')
    ap.add_argument('--save-disp', help='write the (cropped) disparity of the last run as raw float32 HxW')
    args = ap.parse_args()
    if args.runs < 1 or args.warmup < 0 or args.threads < 1:
        ap.error('--runs and --threads must be >= 1, --warmup >= 0')

    torch.set_num_threads(args.threads)
    model, arch = bgnet_torch.load_model(args.weights)

    left = load_gray(args.left)
    right = load_gray(args.right)
    if left.shape != right.shape:
        sys.exit(f'error: left {left.shape[1]}x{left.shape[0]} and right '
                 f'{right.shape[1]}x{right.shape[0]} differ in size')
    h, w = left.shape
    lp, top, _ = pad_to_64(left)
    rp, _, _ = pad_to_64(right)
    ph, pw = lp.shape
    lt = torch.from_numpy(lp)[None, None]
    rt = torch.from_numpy(rp)[None, None]

    blas = bgnet_torch.blas_in_use()
    print(f'{arch} {os.path.basename(args.weights)}: {w}x{h}'
          + (f' (padded to {pw}x{ph})' if (ph, pw) != (h, w) else '')
          + f', torch {torch.__version__}, {torch.get_num_threads()} thread(s), BLAS {blas}',
          file=sys.stderr)

    times = []
    with torch.no_grad():
        for i in range(args.warmup + args.runs):
            t0 = time.perf_counter()
            disp, _ = model(lt, rt)
            ms = (time.perf_counter() - t0) * 1000.0
            kind = 'warmup' if i < args.warmup else 'run'
            print(f'  {kind} {i + 1 - (0 if i < args.warmup else args.warmup)}: {ms:.1f} ms', file=sys.stderr)
            if i >= args.warmup:
                times.append(ms)

    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
    result = {
        'median_ms': statistics.median(times),
        'min_ms': min(times),
        'max_ms': max(times),
        'mean_ms': statistics.fmean(times),
        'runs': args.runs,
        'warmup': args.warmup,
        'threads': args.threads,
        'model': arch,
        'height': h,
        'width': w,
        'padded_height': ph,
        'padded_width': pw,
        'peak_rss_mb': round(peak_rss_mb, 1),
        'all_ms': [round(t, 3) for t in times],
        'torch_version': torch.__version__,
        'blas': blas,
    }
    print(f'{arch}: median {result["median_ms"]:.1f} ms, min {result["min_ms"]:.1f} ms, '
          f'max {result["max_ms"]:.1f} ms ({args.runs} runs, {args.threads} threads), '
          f'peak RSS {result["peak_rss_mb"]:.0f} MB')
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(result, f, indent=1)
            f.write('\n')
    if args.save_disp:
        out = disp[0, top:top + h, :w].contiguous().numpy().astype('<f4')
        out.tofile(args.save_disp)
    return 0


if __name__ == '__main__':
    sys.exit(main())
