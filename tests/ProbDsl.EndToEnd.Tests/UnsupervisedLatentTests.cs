using System;
using System.Linq;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static ProbDsl.EndToEnd.Tests.ReportApiTests;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// The latent space of a model without a label (an M1 whose q(z1|x) feeds another model): ContinuousLatents,
/// GuideMean and GuideNormal, and the entry point's Encode / EncodeZ, against the encoders' heads computed by hand
/// from their weights (one layer on concatenated inputs; the discrete latent summed by a loop).
/// </summary>
public class UnsupervisedLatentTests
{
    private const int Batch = 6;

    private static Tensor Binary(int columns, long seed)
    {
        using var generator = new Generator((ulong)seed);
        return rand(new long[] { Batch, columns }, generator: generator, dtype: float64).gt(0.5).to(float64);
    }

    private static TModule InFloat64<TModule>(TModule module, long seed)
        where TModule : nn.Module
    {
        module.to(float64);
        using var noGrad = no_grad();
        // Fresh weights from a seed of the test's own, so each test's oracle sees different numbers.
        manual_seed(seed);
        foreach (var parameter in module.parameters())
            parameter.normal_(0, 0.7);
        return module;
    }

    [Fact]
    public void GuideMean_and_GuideNormal_of_a_Normal_VAE_are_the_encoder_heads()
    {
        using var module = InFloat64(new UnsupVaeAmortised(), 21);
        var model = (IUnsupervisedModel)module;
        var w = Weights(module);
        var x = Binary(5, 1);

        var h = Mlp(w, "encoder", ("X", x));
        var loc = Head(w, "encoder", "ZLoc", h);
        var scale = Softplus(Head(w, "encoder", "ZScale", h));

        Assert.Equal(new[] { "z" }, model.ContinuousLatents);
        AssertClose(loc, model.GuideMean("z", x), 1e-12);
        var normal = model.GuideNormal("z", x);
        AssertClose(loc, normal.Loc, 1e-12);
        AssertClose(scale, normal.Scale, 1e-12);
    }

    [Fact]
    public void GuideCodes_gathers_the_encoder_heads_of_every_row_over_several_batches_on_the_cpu()
    {
        using var module = InFloat64(new UnsupVaeAmortised(), 23);
        var w = Weights(module);
        using var generator = new Generator(5);
        var rows = GuideCodes.Batch * 2 + 7; // three batches, the last one short
        var x = rand(new long[] { rows, 5 }, generator: generator, dtype: float64).gt(0.5).to(float64);

        var (loc, scale) = GuideCodes.Normal((IUnsupervisedModel)module, "z", x, CPU);

        var h = Mlp(w, "encoder", ("X", x));
        AssertClose(Head(w, "encoder", "ZLoc", h), loc, 1e-12);
        AssertClose(Softplus(Head(w, "encoder", "ZScale", h)), scale, 1e-12);
        Assert.Equal(DeviceType.CPU, loc.device_type);
    }

    [Fact]
    public void GuideNormal_expands_a_constant_scale_to_the_batch()
    {
        using var module = InFloat64(new UnsupVaeFixedScale(), 22);
        var model = (IUnsupervisedModel)module;
        var w = Weights(module);
        var x = Binary(5, 2);

        var loc = Head(w, "encoderLoc", "ZLoc", Mlp(w, "encoderLoc", ("X", x)));

        var normal = model.GuideNormal("z", x);
        AssertClose(loc, normal.Loc, 1e-12);
        AssertClose(full(Batch, 2, 0.5, dtype: float64), normal.Scale, 0);
        AssertClose(loc, model.GuideMean("z", x), 1e-12);
    }

    [Fact]
    public void GuideMean_of_a_mixture_guide_sums_the_component_locs_under_q_of_c_and_GuideNormal_refuses_the_mixture()
    {
        using var module = InFloat64(new UnsupMixtureQ(), 23);
        var model = (IUnsupervisedModel)module;
        var w = Weights(module);
        var x = Binary(4, 3);

        var qc = nn.functional.softmax(Head(w, "qc", "CLogits", Mlp(w, "qc", ("X", x))), 1);
        var expected = zeros(Batch, 2, dtype: float64);
        for (var c = 0; c < 3; c++)
        {
            var oneHot = nn.functional.one_hot(full(Batch, c, dtype: int64), 3).to(float64);
            expected += qc[.., c].unsqueeze(1) * Head(w, "qz", "ZLoc", Mlp(w, "qz", ("X", x), ("C", oneHot)));
        }

        Assert.Equal(new[] { "z" }, model.ContinuousLatents);
        AssertClose(expected, model.GuideMean("z", x), 1e-12);
        var refused = Assert.Throws<NotSupportedException>(() => model.GuideNormal("z", x));
        Assert.Contains("q(z|x,c) reads c, a discrete variable", refused.Message);
        Assert.Contains("is a mixture of Normals, not a Normal", refused.Message);
    }

    [Fact]
    public void A_hierarchical_guide_offers_z1_and_refuses_z2_which_reads_z1()
    {
        using var module = InFloat64(new HierQ(), 24);
        var model = (IUnsupervisedModel)module;
        var w = Weights(module);
        var x = Binary(3, 4);

        var h = Mlp(w, "qz1", ("X", x));
        var loc = Head(w, "qz1", "Z1Loc", h);
        var scale = Softplus(Head(w, "qz1", "Z1Scale", h));

        Assert.Equal(new[] { "z1", "z2" }, model.ContinuousLatents);
        AssertClose(loc, model.GuideMean("z1", x), 1e-12);
        var normal = model.GuideNormal("z1", x);
        AssertClose(loc, normal.Loc, 1e-12);
        AssertClose(scale, normal.Scale, 1e-12);
        var mean = Assert.Throws<NotSupportedException>(() => model.GuideMean("z2", x));
        Assert.Contains("q(z2|z1) depends on z1, a continuous latent drawn before z2", mean.Message);
        var refused = Assert.Throws<NotSupportedException>(() => model.GuideNormal("z2", x));
        Assert.Contains("q(z2|z1) reads z1, a continuous latent drawn before z2", refused.Message);
    }

    [Fact]
    public void GuideNormal_refuses_a_LogNormal_guide_factor_whose_mean_is_still_offered()
    {
        using var module = new PositiveMain();
        var model = (IUnsupervisedModel)module;
        var x = rand(Batch, 3);

        var refused = Assert.Throws<NotSupportedException>(() => model.GuideNormal("w", x));
        Assert.Contains("q(w|x) is a LogNormal, not a Normal", refused.Message);
        Assert.Equal(new long[] { Batch, 2 }, model.GuideMean("w", x).shape);
    }

    [Fact]
    public void An_unknown_latent_is_refused_naming_the_continuous_latents()
    {
        using var module = new HierQ();
        var model = (IUnsupervisedModel)module;

        var mean = Assert.Throws<ArgumentException>(() => model.GuideMean("x", zeros(2, 3)));
        Assert.Contains("'x' is not a continuous latent of Hier / Q; they are z1, z2", mean.Message);
        var normal = Assert.Throws<ArgumentException>(() => model.GuideNormal("z3", zeros(2, 3)));
        Assert.Contains("'z3' is not a continuous latent of Hier / Q; they are z1, z2", normal.Message);
    }

    [Fact]
    public void Encode_and_EncodeZ_of_the_entry_point_are_the_mixture_guide_mean()
    {
        manual_seed(25);
        using var session = UnsupMixture.Create(UnsupMixture.Guide.Q, new TrainingOptions { Epochs = 1, BatchSize = 4 });
        var w = Weights(session.Module);
        var x = Binary(4, 5).to(float32);
        session.Module.train();

        var encoded = session.Encode(x);
        var typed = session.EncodeZ(x);

        var qc = nn.functional.softmax(Head(w, "qc", "CLogits", Mlp(w, "qc", ("X", x))), 1);
        var expected = zeros(Batch, 2);
        for (var c = 0; c < 3; c++)
        {
            var oneHot = nn.functional.one_hot(full(Batch, c, dtype: int64), 3).to(float32);
            expected += qc[.., c].unsqueeze(1) * Head(w, "qz", "ZLoc", Mlp(w, "qz", ("X", x), ("C", oneHot)));
        }
        Assert.Equal(new[] { "z" }, session.ContinuousLatents);
        Assert.Equal(new[] { "z" }, encoded.Keys.ToArray());
        AssertClose(expected, encoded["z"], 1e-5);
        AssertClose(expected, typed, 1e-5);
        Assert.False(session.Module.training, "Encode evaluates in eval mode");
        Assert.False(encoded["z"].requires_grad, "Encode records no gradients");
    }

    [Fact]
    public void Encode_of_a_hierarchical_model_refuses_the_latent_without_a_closed_form_mean()
    {
        using var session = Hier.Create(Hier.Guide.Q, new TrainingOptions { Epochs = 1, BatchSize = 4 });

        Assert.Equal(new long[] { 3, 1 }, session.EncodeZ1(zeros(3, 3)).shape);
        Assert.Throws<NotSupportedException>(() => session.Encode(zeros(3, 3)));
        Assert.Throws<NotSupportedException>(() => session.EncodeZ2(zeros(3, 3)));
    }
}
