"""BGNet and BGNet+ (Xu et al., CVPR 2021) as plain PyTorch modules, written from
shared/docs/bgnet-spec.md.

The module tree mirrors the official checkpoints so that their state_dicts load with
load_state_dict(strict=True): attribute names and nn.Sequential indices are chosen to give
exactly the official key names. The quirks of the published network are kept on purpose
(see the spec):
  * feature extractor BasicConv / Conv2x: conv -> ReLU; the stored `.bn` is never applied;
  * BasicBlock: no ReLU after the residual add;
  * slicing: trilinear grid_sample with align_corners=False, fed with align-corners=True style
    normalised x/y coordinates;
  * 97-level linear interpolation between the 25 sliced planes, whose last level is 0.

This is a reference/benchmark model only (eval, float32, batch 1 is what is tested).
"""

import os

import torch
import torch.nn as nn
import torch.nn.functional as F

MAX_DISP_LOW = 25      # disparity planes of the cost volume (1/8 scale)
NUM_GROUPS = 44        # group-wise correlation groups (352 channels / 8)
GUIDE_BINS = 32        # depth of the bilateral grid
NUM_HALF_DISP = 97     # disparity levels at 1/2 scale


# ----------------------------------------------------------------------------------------------
# building blocks
# ----------------------------------------------------------------------------------------------

def cbr(i, o, k, s, p):
    """Conv2d -> BatchNorm2d -> ReLU (keys .0 conv, .1 bn)."""
    return nn.Sequential(nn.Conv2d(i, o, k, s, p, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True))


def cb(i, o, k, s, p):
    """Conv2d -> BatchNorm2d (keys .0 conv, .1 bn)."""
    return nn.Sequential(nn.Conv2d(i, o, k, s, p, bias=False), nn.BatchNorm2d(o))


def cbl2(i, o, k=3, s=1, p=1):
    """Conv2d -> BatchNorm2d -> LeakyReLU(0.1)."""
    return nn.Sequential(nn.Conv2d(i, o, k, s, p, bias=False), nn.BatchNorm2d(o),
                         nn.LeakyReLU(0.1, inplace=True))


def cbl3(i, o, s=1):
    """Conv3d k3 p1, stride (1,s,s) (never along disparity) -> BatchNorm3d -> LeakyReLU(0.1)."""
    return nn.Sequential(nn.Conv3d(i, o, 3, stride=(1, s, s), padding=1, bias=False),
                         nn.BatchNorm3d(o), nn.LeakyReLU(0.1, inplace=True))


def tb3(i, o):
    """ConvTranspose3d k3, stride (1,2,2), p1, output_padding (0,1,1) -> BatchNorm3d."""
    return nn.Sequential(nn.ConvTranspose3d(i, o, 3, stride=(1, 2, 2), padding=1,
                                            output_padding=(0, 1, 1), bias=False),
                         nn.BatchNorm3d(o))


class BasicBlock(nn.Module):
    """y = cb(cbr(x)) + shortcut(x); no activation after the add."""

    def __init__(self, i, o, stride):
        super().__init__()
        self.conv1 = cbr(i, o, 3, stride, 1)
        self.conv2 = cb(o, o, 3, 1, 1)
        self.downsample = cb(i, o, 1, stride, 0) if (stride != 1 or i != o) else None

    def forward(self, x):
        out = self.conv2(self.conv1(x))
        shortcut = x if self.downsample is None else self.downsample(x)
        return out + shortcut


class BasicConv(nn.Module):
    """conv (or transposed conv) -> [BN] -> ReLU; keys .conv / .bn.

    apply_bn=False reproduces the feature extractor, which stores a BatchNorm but never runs it.
    """

    def __init__(self, i, o, deconv, apply_bn, kernel_size, stride, padding):
        super().__init__()
        if deconv:
            self.conv = nn.ConvTranspose2d(i, o, kernel_size, stride, padding, bias=False)
        else:
            self.conv = nn.Conv2d(i, o, kernel_size, stride, padding, bias=False)
        self.bn = nn.BatchNorm2d(o)
        self.apply_bn = apply_bn

    def forward(self, x):
        x = self.conv(x)
        if self.apply_bn:
            x = self.bn(x)
        return F.relu(x, inplace=True)


class Conv2x(nn.Module):
    """y = conv2(cat(conv1(x), rem)); conv1 halves (conv k3 s2 p1) or doubles (deconv k4 s2 p1)
    the resolution, conv2 is k3 s1 p1 from 2*o to o."""

    def __init__(self, i, o, deconv, apply_bn):
        super().__init__()
        if deconv:
            self.conv1 = BasicConv(i, o, True, apply_bn, 4, 2, 1)
        else:
            self.conv1 = BasicConv(i, o, False, apply_bn, 3, 2, 1)
        self.conv2 = BasicConv(2 * o, o, False, apply_bn, 3, 1, 1)

    def forward(self, x, rem):
        x = self.conv1(x)
        if x.shape != rem.shape:
            raise ValueError(f"Conv2x: shape {tuple(x.shape)} does not match {tuple(rem.shape)}; "
                             "input sizes must be multiples of 64")
        return self.conv2(torch.cat((x, rem), dim=1))


# ----------------------------------------------------------------------------------------------
# feature extraction
# ----------------------------------------------------------------------------------------------

class FeatureExtraction(nn.Module):
    def __init__(self):
        super().__init__()
        self.firstconv = nn.Sequential(cbr(1, 32, 3, 2, 1), cbr(32, 32, 3, 1, 1), cbr(32, 32, 3, 1, 1))
        self.layer1 = nn.Sequential(BasicBlock(32, 32, 1))
        self.layer2 = nn.Sequential(BasicBlock(32, 64, 2))
        self.layer3 = nn.Sequential(BasicBlock(64, 128, 2))
        self.layer4 = nn.Sequential(BasicBlock(128, 128, 1))
        self.reduce = cbr(128, 32, 3, 1, 1)

        self.conv1a = BasicConv(32, 48, False, False, 3, 2, 1)
        self.conv2a = BasicConv(48, 64, False, False, 3, 2, 1)
        self.conv3a = BasicConv(64, 96, False, False, 3, 2, 1)

        self.deconv3a = Conv2x(96, 64, True, False)
        self.deconv2a = Conv2x(64, 48, True, False)
        self.deconv1a = Conv2x(48, 32, True, False)

        self.conv1b = Conv2x(32, 48, False, False)
        self.conv2b = Conv2x(48, 64, False, False)
        self.conv3b = Conv2x(64, 96, False, False)

        self.deconv3b = Conv2x(96, 64, True, False)
        self.deconv2b = Conv2x(64, 48, True, False)
        self.deconv1b = Conv2x(48, 32, True, False)

    def forward(self, x):
        x = self.firstconv(x)
        conv0a = self.layer1(x)
        x = self.layer2(conv0a)
        feat0 = self.layer3(x)
        feat1 = self.layer4(feat0)
        feat2 = self.reduce(feat1)

        rem0 = feat2
        rem1 = self.conv1a(rem0)
        rem2 = self.conv2a(rem1)
        rem3 = self.conv3a(rem2)
        x = rem3

        x = rem2 = self.deconv3a(x, rem2)
        x = rem1 = self.deconv2a(x, rem1)
        x = rem0 = self.deconv1a(x, rem0)
        feat3 = x

        x = rem1 = self.conv1b(x, rem1)
        x = rem2 = self.conv2b(x, rem2)
        x = rem3 = self.conv3b(x, rem3)

        x = self.deconv3b(x, rem2)
        x = self.deconv2b(x, rem1)
        feat4 = self.deconv1b(x, rem0)

        gwc = torch.cat((feat0, feat1, feat2, feat3, feat4), dim=1)
        return conv0a, gwc


# ----------------------------------------------------------------------------------------------
# cost volume, aggregation, guide, slicing
# ----------------------------------------------------------------------------------------------

def groupwise_correlation(f1, f2, num_groups):
    b, c, h, w = f1.shape
    return (f1 * f2).view(b, num_groups, c // num_groups, h, w).mean(dim=2)


def build_gwc_volume(left, right, max_disp, num_groups):
    """V[g,d,y,x] = mean over group g of L[c,y,x]*R[c,y,x-d] for x >= d, else 0."""
    b, c, h, w = left.shape
    vol = left.new_zeros((b, num_groups, max_disp, h, w))
    for d in range(max_disp):
        if d == 0:
            vol[:, :, 0] = groupwise_correlation(left, right, num_groups)
        elif d < w:
            vol[:, :, d, :, d:] = groupwise_correlation(left[:, :, :, d:], right[:, :, :, :-d], num_groups)
    return vol.contiguous()


class CoeffsPredictor(nn.Module):
    """3-D hourglass producing the bilateral grid, returned as [N, 25, 32, H/8, W/8]."""

    def __init__(self, c=16):
        super().__init__()
        self.conv1 = cbl3(c, 2 * c, 2)
        self.conv2 = cbl3(2 * c, 2 * c, 1)
        self.conv1_1 = cbl3(2 * c, 4 * c, 2)
        self.conv2_1 = cbl3(4 * c, 4 * c, 1)
        self.conv3 = cbl3(4 * c, 8 * c, 2)
        self.conv4 = cbl3(8 * c, 8 * c, 1)
        self.conv5 = tb3(8 * c, 4 * c)
        self.conv6 = tb3(4 * c, 2 * c)
        self.conv7 = tb3(2 * c, c)
        self.last_for_guidance = cbl3(c, GUIDE_BINS, 1)

    def forward(self, x):
        a = self.conv1(x)
        a2 = self.conv2(a) + a
        b = self.conv1_1(a2)
        c = self.conv2_1(b) + b
        e = self.conv3(c)
        e = self.conv4(e) + e
        f = self.conv5(e) + c
        f = self.conv6(f) + a2
        f = self.conv7(f)
        # [N, G, D, H, W] -> [N, D, G, H, W]
        return self.last_for_guidance(f).permute(0, 2, 1, 3, 4).contiguous()


class GuideNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = cbl2(32, 16, 1, 1, 0)
        self.conv2 = cb(16, 1, 1, 1, 0)

    def forward(self, x):
        return torch.tanh(self.conv2(self.conv1(x)))


def slice_grid(grid5, wg, hg, guide):
    """Sample one disparity plane of the bilateral grid.

    grid5: [N, 1, 32, h, w]; wg, hg: [N, H2, W2, 1] normalised x / y; guide: [N, 1, H2, W2].
    Returns [N, 1, H2, W2].
    """
    g = guide.permute(0, 2, 3, 1).contiguous()
    coords = torch.cat([wg, hg, g], dim=3).unsqueeze(1)        # [N, 1, H2, W2, 3] = (x, y, z)
    out = F.grid_sample(grid5, coords, mode='bilinear', padding_mode='zeros', align_corners=False)
    return out.squeeze(2)                                        # [N, 1, H2, W2]


def upsample2(x):
    return F.interpolate(x, scale_factor=(2.0, 2.0), mode='bilinear', align_corners=False)


def confidence_map(prob):
    """How sure the regression is: per half-resolution pixel the largest of the 97 softmax
    probabilities, upsampled x2 exactly as the disparity is (bilinear, align_corners=False) but
    without the x2 value scaling. [N, 1, H/2, W/2] probabilities -> [N, H, W] in (0, 1]."""
    return upsample2(prob.max(dim=1, keepdim=True)[0]).squeeze(1)


# ----------------------------------------------------------------------------------------------
# BGNet+ refinement
# ----------------------------------------------------------------------------------------------

def warp_right(right_half, disp):
    """warped[y,x] = R[y, trunc(clamp(x - d, 0, W-1))], 0 where x - d leaves [0, W-1]."""
    n, c, h, w = right_half.shape
    xs = torch.arange(w, dtype=disp.dtype, device=disp.device).view(1, 1, 1, w)
    xr = xs - disp
    valid = ((xr >= 0) & (xr <= w - 1)).to(right_half.dtype)
    idx = torch.clamp(xr, 0, w - 1).long().expand(n, c, h, w)
    return torch.gather(right_half, 3, idx) * valid


class HourglassRefinement(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = cbl2(2, 16)
        self.conv2 = cbl2(1, 16)
        self.conv_start = cbl2(32, 32)

        self.conv1a = BasicConv(32, 48, False, True, 3, 2, 1)
        self.conv2a = BasicConv(48, 64, False, True, 3, 2, 1)
        self.conv3a = BasicConv(64, 96, False, True, 3, 2, 1)
        self.conv4a = BasicConv(96, 128, False, True, 3, 2, 1)

        self.deconv4a = Conv2x(128, 96, True, True)
        self.deconv3a = Conv2x(96, 64, True, True)
        self.deconv2a = Conv2x(64, 48, True, True)
        self.deconv1a = Conv2x(48, 32, True, True)

        self.conv1b = Conv2x(32, 48, False, True)
        self.conv2b = Conv2x(48, 64, False, True)
        self.conv3b = Conv2x(64, 96, False, True)
        self.conv4b = Conv2x(96, 128, False, True)

        self.deconv4b = Conv2x(128, 96, True, True)
        self.deconv3b = Conv2x(96, 64, True, True)
        self.deconv2b = Conv2x(64, 48, True, True)
        self.deconv1b = Conv2x(48, 32, True, True)

        self.final_conv = nn.Conv2d(32, 1, 3, 1, 1, bias=True)

    def forward(self, half_disp, left_half, right_half, debug=None):
        warped = warp_right(right_half, half_disp)
        error = warped - left_half
        c1 = self.conv1(torch.cat((error, left_half), dim=1))
        c2 = self.conv2(half_disp)
        x = self.conv_start(torch.cat((c1, c2), dim=1))

        rem0 = x
        x = rem1 = self.conv1a(x)
        x = rem2 = self.conv2a(x)
        x = rem3 = self.conv3a(x)
        x = rem4 = self.conv4a(x)

        x = rem3 = self.deconv4a(x, rem3)
        x = rem2 = self.deconv3a(x, rem2)
        x = rem1 = self.deconv2a(x, rem1)
        x = rem0 = self.deconv1a(x, rem0)

        x = rem1 = self.conv1b(x, rem1)
        x = rem2 = self.conv2b(x, rem2)
        x = rem3 = self.conv3b(x, rem3)
        x = self.conv4b(x, rem4)

        x = self.deconv4b(x, rem3)
        x = self.deconv3b(x, rem2)
        x = self.deconv2b(x, rem1)
        x = self.deconv1b(x, rem0)

        residual = self.final_conv(x)
        out = F.relu(half_disp + residual)
        if debug is not None:
            debug['refine_residual'] = residual
            debug['refine_out_half_disp'] = out
        return out


# ----------------------------------------------------------------------------------------------
# the networks
# ----------------------------------------------------------------------------------------------

class BGNet(nn.Module):
    """forward(left, right) -> (disp, disp), each [N, H, W]; inputs [N, 1, H, W] gray 0..255."""

    def __init__(self):
        super().__init__()
        self.feature_extraction = FeatureExtraction()
        self.coeffs_disparity_predictor = CoeffsPredictor()
        self.dres0 = nn.Sequential(cbl3(44, 32, 1), cbl3(32, 16, 1))
        self.guide = GuideNN()

    def half_disparity(self, left, right, debug=None):
        """The 1/2-resolution disparity [N, 1, H/2, W/2] (in 1/2-resolution pixels)."""
        left_low, left_gwc = self.feature_extraction(left)
        _, right_gwc = self.feature_extraction(right)
        guide = self.guide(left_low)

        volume = build_gwc_volume(left_gwc, right_gwc, MAX_DISP_LOW, NUM_GROUPS)
        cost = self.dres0(volume)
        coeffs = self.coeffs_disparity_predictor(cost)              # [N, 25, 32, h, w]

        # interpolation weights of the 97 levels between the 25 planes (cost[96] = 0, on purpose)
        t = torch.arange(0, NUM_HALF_DISP) / 4.0
        ia = torch.floor(t)
        ib = ia + 1
        ia = torch.clamp(ia, min=0, max=MAX_DISP_LOW - 1)
        ib = torch.clamp(ib, min=0, max=MAX_DISP_LOW - 1)
        wa = (ib - t).view(1, -1, 1, 1).float().to(coeffs.device)
        wb = (t - ia).view(1, -1, 1, 1).float().to(coeffs.device)

        n, _, h2, w2 = guide.shape
        hg, wg = torch.meshgrid(torch.arange(0, h2, device=coeffs.device),
                                torch.arange(0, w2, device=coeffs.device), indexing='ij')
        hg = hg.float().repeat(n, 1, 1).unsqueeze(3) / (h2 - 1) * 2 - 1
        wg = wg.float().repeat(n, 1, 1).unsqueeze(3) / (w2 - 1) * 2 - 1

        planes = [slice_grid(coeffs[:, i:i + 1], wg, hg, guide) for i in range(MAX_DISP_LOW)]
        sa = [planes[j // 4] for j in range(NUM_HALF_DISP)]
        sb = [planes[min(j // 4 + 1, MAX_DISP_LOW - 1)] for j in range(NUM_HALF_DISP)]
        final_cost = wa * torch.cat(sa, dim=1) + wb * torch.cat(sb, dim=1)
        prob = F.softmax(final_cost, dim=1)
        levels = torch.arange(0, NUM_HALF_DISP, dtype=prob.dtype, device=prob.device).view(1, -1, 1, 1)
        levels = levels.repeat(prob.size(0), 1, prob.size(2), prob.size(3))
        half = torch.sum(levels * prob, dim=1).unsqueeze(1)

        if debug is not None:
            debug.update(left_low_level=left_low, left_gwc_feature=left_gwc,
                         right_gwc_feature=right_gwc, gwc_volume=volume, dres0=cost,
                         coeffs=coeffs, guide=guide, final_cost_volume=final_cost,
                         softmax=prob, half_disp=half, confidence=confidence_map(prob))
        return half

    def forward(self, left, right, debug=None):
        half = self.half_disparity(left, right, debug)
        out = upsample2(half * 2.0).squeeze(1)
        return out, out


class BGNetPlus(BGNet):
    """forward(left, right) -> (refined disp, unrefined disp), each [N, H, W]."""

    def __init__(self):
        super().__init__()
        self.refinement_net = HourglassRefinement()

    def forward(self, left, right, debug=None):
        half = self.half_disparity(left, right, debug)
        out2 = upsample2(half * 2.0).squeeze(1)
        left_half = F.interpolate(left, scale_factor=(0.5, 0.5), mode='bilinear', align_corners=False)
        right_half = F.interpolate(right, scale_factor=(0.5, 0.5), mode='bilinear', align_corners=False)
        if debug is not None:
            debug.update(refine_in_half_disp=half, refine_in_left_half=left_half,
                         refine_in_right_half=right_half)
        refined = self.refinement_net(half, left_half, right_half, debug)
        out1 = upsample2(refined * 2.0).squeeze(1)
        return out1, out2


def load_model(weights, map_location='cpu'):
    """Builds BGNet or BGNet+ from the keys present (refinement_net.* => BGNet+), loads the
    state_dict strictly and returns (model in eval mode, 'bgnet' | 'bgnet_plus')."""
    sd = torch.load(weights, map_location=map_location)
    if isinstance(sd, dict) and 'state_dict' in sd and not any(k.endswith('.weight') for k in sd):
        sd = sd['state_dict']
    sd = {(k[7:] if k.startswith('module.') else k): v for k, v in sd.items()}
    plus = any(k.startswith('refinement_net.') for k in sd)
    model = BGNetPlus() if plus else BGNet()
    model.load_state_dict(sd, strict=True)
    model.eval()
    return model, ('bgnet_plus' if plus else 'bgnet')


def blas_in_use():
    """Names the BLAS library mapped into this process (it decides the speed of torch's
    Conv3d / ConvTranspose on CPU, which go through sgemm)."""
    torch.ones(8, 8) @ torch.ones(8, 8)
    try:
        with open('/proc/self/maps') as f:
            paths = {line.split()[-1] for line in f if '/' in line}
    except OSError:
        return 'unknown'
    for key, name in (('openblas', 'openblas'), ('libmkl_', 'mkl'), ('libblis', 'blis'),
                      ('/atlas/', 'atlas'), ('libatlas', 'atlas')):
        hits = sorted(p for p in paths if key in p.lower())
        if hits:
            core = os.environ.get('OPENBLAS_CORETYPE')
            return f'{name} ({hits[0]}' + (f', OPENBLAS_CORETYPE={core}' if core and name == 'openblas' else '') + ')'
    hits = sorted(p for p in paths if 'libblas.so' in p)
    if hits:
        real = os.path.realpath(hits[0])
        return f'netlib reference ({real})' if '/blas/' in real else f'libblas ({real})'
    return 'unknown'
