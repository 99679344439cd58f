using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Examples.Common;

/// <summary>--device cpu|cuda, refused with a clear message where TorchSharp has no CUDA (this build is TorchSharp-cpu).</summary>
public static class Devices
{
    /// <summary>The names --device accepts.</summary>
    public static readonly IReadOnlyDictionary<string, DeviceType> Names = new Dictionary<string, DeviceType>
    {
        ["cpu"] = DeviceType.CPU,
        ["cuda"] = DeviceType.CUDA,
    };

    public static Device Select(DeviceType type)
    {
        if (type == DeviceType.CUDA && !cuda.is_available())
            throw new ArgumentException("--device cuda: no CUDA device is available to TorchSharp here (this build uses TorchSharp-cpu); use --device cpu.");
        return type == DeviceType.CUDA ? CUDA : CPU;
    }
}
