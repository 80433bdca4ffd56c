__kernel void stage(__global long *_kernel_context) { this is not C }
