using ProbDsl.Dsl.Ir;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests.Harness;

/// <summary>Random observations in each data family's support, and random class indices for a label.</summary>
internal static class DataSampler
{
    public static Tensor Data(VariableIr data, int rows, Generator g)
    {
        var shape = new long[] { rows, data.Size };
        return data.Family switch
        {
            DistributionFamily.Bernoulli => rand(shape, dtype: float64, generator: g).lt(0.5).to(float64),
            DistributionFamily.LogNormal => (randn(shape, dtype: float64, generator: g) * 0.5).exp(),
            DistributionFamily.Beta => rand(shape, dtype: float64, generator: g) * 0.9 + 0.05,
            DistributionFamily.OneHotCategorical => nn.functional.one_hot(randint(data.Size, new long[] { rows }, dtype: int64, generator: g), data.Size).to(float64),
            _ => randn(shape, dtype: float64, generator: g),
        };
    }

    public static Tensor Labels(VariableIr label, int rows, Generator g) => randint(label.Size, new long[] { rows }, dtype: int64, generator: g);
}
