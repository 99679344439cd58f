using System;
using static TorchSharp.torch;

namespace ProbDsl.Examples.Common;

/// <summary>--device cpu|cuda, refused with a clear message where TorchSharp has no CUDA (this build is TorchSharp-cpu).</summary>
public static class Devices
{
    public static Device Select(string name)
    {
        if (name == "cuda" && !cuda.is_available())
            throw new ArgumentException("--device cuda: no CUDA device is available to TorchSharp here (this build uses TorchSharp-cpu); use --device cpu.");
        return name == "cuda" ? CUDA : CPU;
    }
}
