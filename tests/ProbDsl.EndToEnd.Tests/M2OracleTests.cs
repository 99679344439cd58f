using System.Linq;
using ProbDsl.Inference.Models;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>The generated M2 bounds equal a hand-written M2 with the same weights, inputs and noise.</summary>
public class M2OracleTests
{
    private const int Batch = 7;

    private static Tensor Binarised(long seed)
    {
        using var generator = new Generator((ulong)seed);
        return rand(new long[] { Batch, 784 }, generator: generator, dtype: float64).gt(0.5).to(float64);
    }

    private static (nn.Module Module, ISemiSupervisedModel Model) Create(string guide)
    {
        manual_seed(1);
        nn.Module module = guide == "Structured" ? new M2Structured() : new M2MeanField();
        module.to(float64);
        return (module, (ISemiSupervisedModel)module);
    }

    [Theory]
    [InlineData("Structured", "encoder")]
    [InlineData("MeanField", "encoderMF")]
    public void Labelled_bound_matches_the_hand_written_reference(string guide, string encoder)
    {
        var (module, model) = Create(guide);
        var reference = new ReferenceM2(module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), encoder);
        var x = Binarised(2);
        var y = tensor(new long[] { 0, 3, 9, 1, 1, 5, 7 });

        manual_seed(42);
        var generated = model.LabelledBound(x, y);
        manual_seed(42);
        var eps = randn(new long[] { Batch, 50 }, dtype: float64);
        var expected = reference.LabelledBound(x, nn.functional.one_hot(y, 10).to(float64), eps);

        AssertClose(expected, generated, 1e-5);
    }

    [Fact]
    public void Unlabelled_bound_of_the_structured_guide_matches_an_explicit_loop_over_classes()
    {
        var (module, model) = Create("Structured");
        var reference = new ReferenceM2(module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), "encoder");
        var x = Binarised(3);

        manual_seed(7);
        var generated = model.UnlabelledBound(x);
        manual_seed(7);
        var eps = randn(new long[] { 10, Batch, 50 }, dtype: float64); // z ~ q(z|x,y) drawn per class
        var expected = reference.UnlabelledBound(x, eps);

        AssertClose(expected, generated, 1e-5);
    }

    [Fact]
    public void Unlabelled_bound_of_the_mean_field_guide_matches_an_explicit_loop_over_classes()
    {
        var (module, model) = Create("MeanField");
        var reference = new ReferenceM2(module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), "encoderMF");
        var x = Binarised(4);

        manual_seed(8);
        var generated = model.UnlabelledBound(x);
        manual_seed(8);
        var eps = randn(new long[] { Batch, 50 }, dtype: float64); // z ~ q(z|x) drawn once, shared by every class
        var expected = reference.UnlabelledBound(x, eps);

        AssertClose(expected, generated, 1e-5);
    }

    private static void AssertClose(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        var difference = (expected - actual).abs().max().ToDouble();
        Assert.True(difference < tolerance, $"max |difference| = {difference}");
    }
}
