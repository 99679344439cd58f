using System;
using System.Linq;
using ProbDsl.Inference.Models;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// Hoisting changes what is computed, never the result: M2 compiled with hoisting off (m2unhoisted.pdsl, the same
/// model with ProbDslHoisting="false") gives the same bounds and gradients as the hoisted M2 with the same weights,
/// inputs and noise.
/// </summary>
public class HoistingTests
{
    private const int Batch = 6;

    private static (nn.Module Module, ISemiSupervisedModel Model) Pair(string guide, bool hoisted)
    {
        nn.Module module = (guide, hoisted) switch
        {
            ("Structured", true) => new M2Structured(),
            ("Structured", false) => new M2UnhoistedStructured(),
            (_, true) => new M2MeanField(),
            _ => new M2UnhoistedMeanField(),
        };
        module.to(float64);
        return (module, (ISemiSupervisedModel)module);
    }

    [Theory]
    [InlineData("Structured")]
    [InlineData("MeanField")]
    public void Unhoisted_bounds_and_gradients_equal_the_hoisted_ones(string guide)
    {
        manual_seed(3);
        var (hoistedModule, hoisted) = Pair(guide, hoisted: true);
        var (unhoistedModule, unhoisted) = Pair(guide, hoisted: false);
        unhoistedModule.load_state_dict(hoistedModule.state_dict());
        using var generator = new Generator(4);
        var x = rand(new long[] { Batch, 784 }, generator: generator, dtype: float64).gt(0.5).to(float64);
        var y = tensor(new long[] { 2, 0, 9, 9, 4, 7 });

        Tensor Bounds(ISemiSupervisedModel model)
        {
            manual_seed(11);
            return cat(new[] { model.LabelledBound(x, y), model.UnlabelledBound(x) }, 0);
        }

        var expected = Bounds(hoisted);
        var actual = Bounds(unhoisted);
        Assert.True(expected.allclose(actual, rtol: 0, atol: 1e-5), $"max |difference| = {(expected - actual).abs().max().ToDouble()}");
        Assert.True(expected.abs().min().ToDouble() > 1, "bounds of a few hundred nats, so the comparison is not of zeros");

        expected.sum().backward();
        actual.sum().backward();
        foreach (var (name, parameter) in hoistedModule.named_parameters())
        {
            var other = unhoistedModule.get_parameter(name)!;
            var difference = (parameter.grad! - other.grad!).abs().max().ToDouble();
            Assert.True(difference < 1e-5, $"{name}: max |gradient difference| = {difference}");
        }
    }

    [Fact]
    public void Broadcast_concatenation_expands_every_input_to_the_common_leading_shape()
    {
        var x = arange(6, dtype: float64).reshape(2, 3);                  // [B = 2, 3]
        var y = eye(4, dtype: float64).reshape(4, 1, 4);                   // [K = 4, 1, 4]

        var joined = ProbDsl.Inference.Models.Broadcasting.Concatenate(x, y);

        Assert.Equal(new long[] { 4, 2, 7 }, joined.shape);
        Assert.True(joined[2, 1, TensorIndex.Slice(0, 3)].eq(x[1]).all().ToBoolean());
        Assert.True(joined[2, 1, TensorIndex.Slice(3, 7)].eq(y[2, 0]).all().ToBoolean());
        Assert.Throws<ArgumentException>(() => ProbDsl.Inference.Models.Broadcasting.Concatenate(x, zeros(3, 1)));
    }
}
