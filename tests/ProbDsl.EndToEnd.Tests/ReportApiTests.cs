using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Inference.Models;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// What a report reads from a generated model (ContinuousLatents, GuideMean, GenerateMean, GuideParameters),
/// against oracles written from the weights by hand: one layer on concatenated inputs, the label summed by a loop.
/// </summary>
public class ReportApiTests
{
    private const int Batch = 6;

    private static Tensor Binarised(long seed)
    {
        using var generator = new Generator((ulong)seed);
        return rand(new long[] { Batch, 784 }, generator: generator, dtype: float64).gt(0.5).to(float64);
    }

    private static (nn.Module Module, ISemiSupervisedModel Model, ReferenceM2 Reference) M2(string guide)
    {
        manual_seed(3);
        nn.Module module = guide == "Structured" ? new M2Structured() : new M2MeanField();
        module.to(float64);
        var reference = new ReferenceM2(module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), guide == "Structured" ? "encoder" : "encoderMF");
        return (module, (ISemiSupervisedModel)module, reference);
    }

    private static Tensor OneHot(long classIndex, long rows) => nn.functional.one_hot(full(rows, classIndex, dtype: int64), 10).to(float64);

    [Fact]
    public void GuideMean_of_the_structured_guide_is_the_class_weighted_sum_of_the_encoder_locs()
    {
        var (_, model, reference) = M2("Structured");
        var x = Binarised(1);

        var mean = model.GuideMean("z", x);

        var q = reference.ClassLogProbs(x).exp();
        var expected = zeros(Batch, 50, dtype: float64);
        for (var k = 0; k < 10; k++)
            expected += q[.., k].unsqueeze(1) * reference.EncoderLoc(x, OneHot(k, Batch));
        AssertClose(expected, mean, 1e-10);
    }

    [Fact]
    public void GuideMean_of_the_mean_field_guide_is_the_encoder_loc()
    {
        var (_, model, reference) = M2("MeanField");
        var x = Binarised(2);

        AssertClose(reference.EncoderLoc(x, OneHot(0, Batch)), model.GuideMean("z", x), 1e-10);
    }

    [Fact]
    public void GenerateMean_is_the_decoder_probabilities_at_the_given_class_and_noise()
    {
        var (_, model, reference) = M2("Structured");
        var y = tensor(new long[] { 0, 3, 9, 9, 1, 5 });
        manual_seed(5);
        var eps = randn(Batch, 50, dtype: float64);

        var generated = model.GenerateMean(y, new[] { eps });

        AssertClose(reference.DecoderProbabilities(nn.functional.one_hot(y, 10).to(float64), eps), generated, 1e-10);
    }

    [Fact]
    public void Same_noise_row_across_classes_gives_a_z_fixed_grid_that_varies_only_with_the_class()
    {
        var (_, model, _) = M2("MeanField");
        var row = randn(1, 50, dtype: float64);
        var eps = row.expand(10, 50);

        var grid = model.GenerateMean(arange(10, dtype: int64), new[] { eps });
        var again = model.GenerateMean(arange(10, dtype: int64), new[] { eps.clone() });

        Assert.Equal(new long[] { 10, 784 }, grid.shape);
        AssertClose(grid, again, 0);
        Assert.True((grid[0] - grid[1]).abs().max().ToDouble() > 1e-6, "the class must change the image");
    }

    [Theory]
    [InlineData("Structured", "classifier", "encoder")]
    [InlineData("MeanField", "classifier", "encoderMF")]
    public void GuideParameters_are_exactly_the_guide_networks_and_none_of_the_decoders(string guide, string first, string second)
    {
        var (module, model, _) = M2(guide);
        var named = module.named_parameters().ToList();

        var handles = model.GuideParameters().Select(p => p.Handle).ToHashSet();

        var expected = named.Where(p => p.name.StartsWith(first + ".") || p.name.StartsWith(second + ".")).Select(p => p.parameter.Handle).ToHashSet();
        Assert.Equal(expected, handles);
        Assert.DoesNotContain(named.Where(p => p.name.StartsWith("decoder.")), p => handles.Contains(p.parameter.Handle));
        Assert.Contains(named, p => p.name.StartsWith("decoder."));
    }

    [Fact]
    public void ContinuousLatents_are_in_sampling_order_and_GuideMean_refuses_other_names()
    {
        using var report = new ReportMain();
        Assert.Equal(new[] { "w", "z" }, ((ISemiSupervisedModel)report).ContinuousLatents);
        var error = Assert.Throws<ArgumentException>(() => ((ISemiSupervisedModel)report).GuideMean("y", zeros(2, 3)));
        Assert.Contains("'y' is not a continuous latent of Report / Main; they are w, z", error.Message);
    }

    [Fact]
    public void Report_model_GuideMean_of_a_LogNormal_is_its_mean_and_of_z_the_label_weighted_loc()
    {
        manual_seed(11);
        using var module = new ReportMain();
        module.to(float64);
        var model = (ISemiSupervisedModel)module;
        var w = Weights(module);
        var x = randn(Batch, 3, dtype: float64);

        var qw = Mlp(w, "qw", ("X", x));
        var wLoc = Head(w, "qw", "WLoc", qw);
        var wScale = Softplus(Head(w, "qw", "WScale", qw));
        AssertClose((wLoc + wScale * wScale / 2).exp(), model.GuideMean("w", x), 1e-10);

        var q = nn.functional.softmax(Head(w, "classifier", "YLogits", Mlp(w, "classifier", ("X", x))), 1);
        var expected = zeros(Batch, 2, dtype: float64);
        for (var k = 0; k < 2; k++)
        {
            var y = nn.functional.one_hot(full(Batch, k, dtype: int64), 2).to(float64);
            expected += q[.., k].unsqueeze(1) * Head(w, "qz", "ZLoc", Mlp(w, "qz", ("X", x), ("Y", y)));
        }
        AssertClose(expected, model.GuideMean("z", x), 1e-10);
    }

    [Fact]
    public void Report_model_GenerateMean_draws_z_from_its_label_dependent_prior_and_w_as_a_LogNormal()
    {
        manual_seed(12);
        using var module = new ReportMain();
        module.to(float64);
        var model = (ISemiSupervisedModel)module;
        var w = Weights(module);
        var labels = tensor(new long[] { 1, 0, 1, 1, 0, 0 });
        var epsW = randn(Batch, 1, dtype: float64);
        var epsZ = randn(Batch, 2, dtype: float64);

        var generated = model.GenerateMean(labels, new[] { epsW, epsZ }); // ContinuousLatents order: w, z

        var y = nn.functional.one_hot(labels, 2).to(float64);
        var pz = Mlp(w, "pz", ("Y", y));
        var z = Head(w, "pz", "ZLoc", pz) + Softplus(Head(w, "pz", "ZScale", pz)) * epsZ;
        var wSample = epsW.exp();
        var expected = Head(w, "dec", "XLoc", Mlp(w, "dec", ("Z", z), ("W", wSample)));
        AssertClose(expected, generated, 1e-10);
    }

    [Fact]
    public void GenerateMean_refuses_noise_of_the_wrong_count_or_shape_naming_the_latent()
    {
        using var module = new ReportMain();
        var model = (ISemiSupervisedModel)module;
        var labels = zeros(4, dtype: int64);

        var count = Assert.Throws<ArgumentException>(() => model.GenerateMean(labels, new[] { randn(4, 1) }));
        Assert.Contains("Expected 2 noise tensor(s), one per continuous latent (w, z); got 1", count.Message);
        var shape = Assert.Throws<ArgumentException>(() => model.GenerateMean(labels, new[] { randn(4, 1), randn(3, 2) }));
        Assert.Contains("The noise of 'z' (entry 1) must be [4, 2]; got [3, 2]", shape.Message);
    }

    [Fact]
    public void A_chained_latent_GuideMean_is_refused_with_the_reason_and_the_auxiliary_latent_is_not_generated()
    {
        using var adgm = new AdgmSmallAuxiliary();
        var chained = Assert.Throws<NotSupportedException>(() => ((ISemiSupervisedModel)adgm).GuideMean("z", zeros(2, 4)));
        Assert.Contains("q(z|a,x,y) depends on a, a continuous latent drawn before z", chained.Message);
        Assert.Equal(new long[] { 2, 2 }, ((ISemiSupervisedModel)adgm).GuideMean("a", zeros(2, 4)).shape);
        // p(a|x,y,z) is drawn after x: a's noise is checked but does not change x's mean.
        var z = randn(2, 2);
        var one = ((ISemiSupervisedModel)adgm).GenerateMean(zeros(2, dtype: int64), new[] { randn(2, 2), z });
        var other = ((ISemiSupervisedModel)adgm).GenerateMean(zeros(2, dtype: int64), new[] { randn(2, 2) * 100, z });
        Assert.Equal(new long[] { 2, 4 }, one.shape);
        AssertClose(one, other, 0);
    }

    [Fact]
    public void GenerateMean_sums_a_discrete_nuisance_out_under_its_label_dependent_prior()
    {
        manual_seed(13);
        using var module = new TwoDependentMain();
        module.to(float64);
        var w = Weights(module);
        var labels = tensor(new long[] { 2, 0, 1, 2 });
        var y = nn.functional.one_hot(labels, 3).to(float64);

        var generated = ((ISemiSupervisedModel)module).GenerateMean(labels, Array.Empty<Tensor>());

        var prior = nn.functional.softmax(Head(w, "prior", "BLogits", Mlp(w, "prior", ("Y", y))), 1);
        var expected = zeros(4, 4, dtype: float64);
        for (var b = 0; b < 2; b++)
        {
            var oneHot = nn.functional.one_hot(full(4, b, dtype: int64), 2).to(float64);
            var logits = Head(w, "decoder", "XLogits", Mlp(w, "decoder", ("Y", y), ("B", oneHot)));
            expected += prior[.., b].unsqueeze(1) * (1 / (1 + (-logits).exp()));
        }
        AssertClose(expected, generated, 1e-10);
    }

    [Fact]
    public void GenerateMean_sums_a_chain_of_discrete_latents_out_under_the_joint_prior()
    {
        manual_seed(14);
        using var module = new ThreeMain();
        module.to(float64);
        var w = Weights(module);
        var labels = tensor(new long[] { 1, 0, 2 });
        var y = nn.functional.one_hot(labels, 3).to(float64);

        var generated = ((ISemiSupervisedModel)module).GenerateMean(labels, Array.Empty<Tensor>());

        var expected = zeros(3, 4, dtype: float64);
        for (var b = 0; b < 2; b++)
        {
            var bHot = nn.functional.one_hot(full(3, b, dtype: int64), 2).to(float64);
            var pc = nn.functional.softmax(Head(w, "pc", "CLogits", Mlp(w, "pc", ("B", bHot))), 1);
            for (var c = 0; c < 2; c++)
            {
                var cHot = nn.functional.one_hot(full(3, c, dtype: int64), 2).to(float64);
                var logits = Head(w, "decoder", "XLogits", Mlp(w, "decoder", ("Y", y), ("B", bHot), ("C", cHot)));
                expected += 0.5 * pc[.., c].unsqueeze(1) * (1 / (1 + (-logits).exp()));
            }
        }
        AssertClose(expected, generated, 1e-10);
    }

    [Fact]
    public void GuideMean_sums_over_the_label_and_a_discrete_latent_read_through_it()
    {
        manual_seed(15);
        using var module = new ReportMixedMain();
        module.to(float64);
        var w = Weights(module);
        var x = rand(Batch, 3, dtype: float64).gt(0.5).to(float64);

        var mean = ((ISemiSupervisedModel)module).GuideMean("z", x);

        var qy = nn.functional.softmax(Head(w, "classifier", "YLogits", Mlp(w, "classifier", ("X", x))), 1);
        var expected = zeros(Batch, 2, dtype: float64);
        for (var y = 0; y < 2; y++)
        {
            var yHot = nn.functional.one_hot(full(Batch, y, dtype: int64), 2).to(float64);
            var qb = nn.functional.softmax(Head(w, "qb", "BLogits", Mlp(w, "qb", ("X", x), ("Y", yHot))), 1);
            for (var b = 0; b < 2; b++)
            {
                var bHot = nn.functional.one_hot(full(Batch, b, dtype: int64), 2).to(float64);
                expected += (qy[.., y] * qb[.., b]).unsqueeze(1) * Head(w, "qz", "ZLoc", Mlp(w, "qz", ("X", x), ("B", bHot)));
            }
        }
        AssertClose(expected, mean, 1e-10);
    }

    [Fact]
    public void GenerateMean_sums_a_discrete_latent_out_through_the_continuous_prior_it_conditions_with_the_same_noise()
    {
        manual_seed(16);
        using var module = new ReportMixedMain();
        module.to(float64);
        var w = Weights(module);
        var labels = tensor(new long[] { 0, 1, 1, 0, 1, 0 });
        var eps = randn(Batch, 2, dtype: float64);

        var generated = ((ISemiSupervisedModel)module).GenerateMean(labels, new[] { eps });

        var y = nn.functional.one_hot(labels, 2).to(float64);
        var expected = zeros(Batch, 3, dtype: float64);
        for (var b = 0; b < 2; b++)
        {
            var bHot = nn.functional.one_hot(full(Batch, b, dtype: int64), 2).to(float64);
            var pz = Mlp(w, "pz", ("B", bHot));
            var z = Head(w, "pz", "ZLoc", pz) + Softplus(Head(w, "pz", "ZScale", pz)) * eps;
            var logits = Head(w, "dec", "XLogits", Mlp(w, "dec", ("Y", y), ("Z", z)));
            expected += 0.5 * (1 / (1 + (-logits).exp()));
        }
        AssertClose(expected, generated, 1e-10);
    }

    // ---- a plain MLP from the weights: the generated first layer is one projection per input, the bias on the first.

    internal static Dictionary<string, Tensor> Weights(nn.Module module) =>
        module.named_parameters().ToDictionary(p => p.name, p => ((Tensor)p.parameter).detach());

    internal static Tensor Softplus(Tensor t) => (t.exp() + 1).log();

    internal static Tensor Mlp(Dictionary<string, Tensor> w, string net, params (string Input, Tensor Value)[] inputs)
    {
        var weight = cat(inputs.Select(i => w[$"{net}.input{i.Input}.weight"]).ToArray(), 1);
        var input = cat(inputs.Select(i => i.Value).ToArray(), 1);
        return (input.matmul(weight.t()) + w[$"{net}.input{inputs[0].Input}.bias"]).tanh();
    }

    internal static Tensor Head(Dictionary<string, Tensor> w, string net, string head, Tensor h) =>
        h.matmul(w[$"{net}.head{head}.weight"].t()) + w[$"{net}.head{head}.bias"];

    internal static void AssertClose(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        var difference = (expected - actual).abs().max().ToDouble();
        Assert.True(difference <= tolerance, $"max |difference| = {difference}");
    }
}
