#!/usr/bin/env python3
"""Writes the small synthetic .pth files beside this script, without torch.

They use the exact layout of torch>=1.6 torch.save (zip: <root>/data.pkl pickle protocol 2,
<root>/data/<key> raw storages, <root>/version, entries stored) so the Java reader can be tested
on cases the real fixtures lack: strided views sharing one storage, every dtype, big-endian
storages, training-checkpoint wrappers, >1000 keys and broken files. A stand-in `torch` module
makes pickle emit the same GLOBALs torch does (torch._utils._rebuild_tensor_v2, torch.FloatStorage).
Run: python3 make_synthetic.py   (standard library only; output is deterministic)
"""
import collections
import io
import os
import pickle
import struct
import sys
import types
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

torch = types.ModuleType("torch")
torch_utils = types.ModuleType("torch._utils")
torch._utils = torch_utils
sys.modules["torch"] = torch
sys.modules["torch._utils"] = torch_utils


def _rebuild_tensor_v2(*args):
    raise RuntimeError("stand-in only")


_rebuild_tensor_v2.__module__ = "torch._utils"
torch_utils._rebuild_tensor_v2 = _rebuild_tensor_v2

# storage class name -> struct format of one element (bfloat16 handled apart)
FORMATS = {"FloatStorage": "f", "DoubleStorage": "d", "HalfStorage": "e", "LongStorage": "q",
           "IntStorage": "i", "ByteStorage": "B", "BoolStorage": "?", "BFloat16Storage": None,
           "ComplexFloatStorage": None, "MysteryStorage": None}
for name in FORMATS:
    setattr(torch, name, type(name, (), {"__module__": "torch"}))

models = types.ModuleType("models")
models_bgnet = types.ModuleType("models.bgnet")
sys.modules["models"] = models
sys.modules["models.bgnet"] = models_bgnet


class BGNet:
    """Stands in for a whole pickled nn.Module (torch.save(model))."""


BGNet.__module__ = "models.bgnet"
models_bgnet.BGNet = BGNet


class Storage:
    def __init__(self, kind, key, values, numel=None, raw=None):
        self.kind, self.key = kind, key
        self.numel = len(values) if numel is None else numel
        self.values, self.raw = values, raw

    def payload(self, endian):
        if self.raw is not None:
            return self.raw
        fmt = FORMATS[self.kind]
        if self.kind == "BFloat16Storage":  # upper half of the float32 bits
            return b"".join(struct.pack(endian + "H", struct.unpack("<I", struct.pack("<f", v))[0] >> 16)
                            for v in self.values)
        return struct.pack(endian + fmt * len(self.values), *self.values)


class Tensor:
    def __init__(self, storage, offset, size, stride):
        self.storage, self.offset, self.size, self.stride = storage, offset, tuple(size), tuple(stride)

    def __reduce_ex__(self, protocol):
        return (_rebuild_tensor_v2,
                (self.storage, self.offset, self.size, self.stride, False, collections.OrderedDict()))


def contiguous(storage, size, offset=0):
    stride, acc = [], 1
    for s in reversed(size):
        stride.insert(0, acc)
        acc *= s
    return Tensor(storage, offset, size, stride)


class TorchPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            return ("storage", getattr(torch, obj.kind), obj.key, "cpu", obj.numel)
        return None


def storages_in(obj, found):
    if isinstance(obj, Tensor):
        found[obj.storage.key] = obj.storage
    elif isinstance(obj, dict):
        for v in obj.values():
            storages_in(v, found)
    elif isinstance(obj, BGNet):
        storages_in(obj.__dict__, found)
    return found


def state_dict(items):
    sd = collections.OrderedDict(items)
    sd._metadata = collections.OrderedDict([("", {"version": 1})])  # as torch's state_dict() does
    return sd


def write(name, top, byteorder=None):
    buf = io.BytesIO()
    TorchPickler(buf, protocol=2).dump(top)
    root = name[:-len(".pth")]
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_STORED) as z:
        def put(entry, data):
            info = zipfile.ZipInfo(root + "/" + entry, date_time=(1980, 1, 1, 0, 0, 0))
            z.writestr(info, data)
        put("data.pkl", buf.getvalue())
        if byteorder:
            put("byteorder", byteorder.encode())
        endian = ">" if byteorder == "big" else "<"
        for key, storage in storages_in(top, {}).items():
            put("data/" + key, storage.payload(endian))
        put("version", b"3\n")


def main():
    grid = Storage("FloatStorage", "0", [0.5 * i - 1.0 for i in range(12)])
    write("views.pth", state_dict([
        ("z.base", contiguous(grid, (3, 4))),
        ("a.transposed", Tensor(grid, 0, (4, 3), (1, 4))),
        ("m.column", Tensor(grid, 1, (3,), (4,))),
        ("b.scalar", Tensor(grid, 7, (), ())),
        ("c.expanded", Tensor(grid, 2, (2, 3), (0, 1))),
        ("h.half", contiguous(Storage("HalfStorage", "1", [1.5, -2.0, 65504.0, 2.0 ** -10]), (4,))),
        ("bf.bfloat16", contiguous(Storage("BFloat16Storage", "2", [1.0, -3.5]), (2,))),
        ("d.double", contiguous(Storage("DoubleStorage", "3", [0.1, -2.25, 3.0]), (3,))),
        ("l.long", contiguous(Storage("LongStorage", "4", [-3, 42]), (2,))),
        ("i.int", contiguous(Storage("IntStorage", "5", [-70000, 9]), (2, 1))),
        ("u.uint8", contiguous(Storage("ByteStorage", "6", [0, 255]), (2,))),
        ("t.bool", contiguous(Storage("BoolStorage", "7", [True, False]), (2,))),
        ("e.empty", contiguous(Storage("FloatStorage", "8", []), (0, 3))),
    ]), byteorder="little")
    write("bigendian.pth", state_dict([
        ("w", contiguous(Storage("FloatStorage", "0", [1.25, -7.0]), (2,))),
        ("n", contiguous(Storage("LongStorage", "1", [300]), ())),
    ]), byteorder="big")
    many = Storage("FloatStorage", "0", [float(i) for i in range(1200)])
    write("many_keys.pth", state_dict(
        [("t%04d" % i, Tensor(many, i, (), ())) for i in reversed(range(1200))]))
    conv = Storage("FloatStorage", "0", [0.25, -0.75, 2.0])
    write("training.pth", {
        "epoch": 7,
        "state_dict": state_dict([("module.conv.weight", contiguous(conv, (2, 1, 1, 1))),
                                  ("module.conv.bias", contiguous(conv, (1,), offset=2))]),
        "optimizer": {"lr": 0.01},
    })
    write("model_key.pth", {"model": state_dict([
        ("module.a.weight", contiguous(conv, (2,))),
        ("b.weight", contiguous(conv, (1,), offset=2))])})
    write("complex.pth", state_dict([
        ("w", contiguous(Storage("ComplexFloatStorage", "0", [], numel=1, raw=bytes(8)), (1,)))]))
    write("unknown_storage.pth", state_dict([
        ("w", contiguous(Storage("MysteryStorage", "0", [], numel=1, raw=bytes(4)), (1,)))]))
    write("short_storage.pth", state_dict([
        ("w", contiguous(Storage("FloatStorage", "0", [1.0] * 5, numel=6), (6,)))]))
    write("out_of_bounds.pth", state_dict([
        ("w", Tensor(Storage("FloatStorage", "0", [1.0] * 4), 1, (2, 2), (2, 1)))]))
    write("mixed.pth", state_dict([("w", contiguous(conv, (3,))), ("step", 3)]))
    model = BGNet()
    model.training = False
    model._parameters = collections.OrderedDict([("w", contiguous(conv, (3,)))])
    write("full_model.pth", model)


if __name__ == "__main__":
    main()
