using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// On the Tiny model (4 binary pixels, 3 classes) every quantity can be summed exactly in plain C# arithmetic
/// from the weights, over every x in {0,1}^4 and every class: the generated bounds must equal those sums.
/// </summary>
public class EnumerationBruteForceTests
{
    /// <summary>The Tiny model in plain arithmetic: q(y|x) and p(x|y) from its tanh networks.</summary>
    private sealed class PlainTiny
    {
        private readonly PlainNets _nets;

        public PlainTiny(nn.Module module) => _nets = new PlainNets(module);

        public double[] LogQ(double[] x) => PlainNets.LogSoftmax(_nets.Run("classifier", "YLogits", 5, 3, ("X", x)));

        public double LogPxGivenY(double[] x, int y) =>
            PlainNets.BernoulliLogProb(x, _nets.Run("decoder", "XLogits", 6, 4, ("Y", PlainNets.OneHot(y, 3))));
    }

    private static double[][] AllBinaryImages() => PlainNets.AllBinaryImages(4);

    private static (TinyMain Model, PlainTiny Plain) Create()
    {
        manual_seed(5);
        var model = new TinyMain();
        model.to(float64);
        return (model, new PlainTiny(model));
    }

    [Fact]
    public void Enumerated_unlabelled_bound_equals_the_brute_force_sum_over_classes()
    {
        var (model, plain) = Create();
        var images = AllBinaryImages();
        var x = PlainNets.AsTensor(images);

        var generated = model.UnlabelledBound(x).data<double>().ToArray();

        for (var n = 0; n < images.Length; n++)
        {
            var logQ = plain.LogQ(images[n]);
            var expected = Enumerable.Range(0, 3).Sum(y => Math.Exp(logQ[y]) * (plain.LogPxGivenY(images[n], y) + Math.Log(1.0 / 3) - logQ[y]));
            Assert.Equal(expected, generated[n], 10);
        }
    }

    [Fact]
    public void Labelled_bound_equals_the_exact_joint_log_density()
    {
        var (model, plain) = Create();
        var images = AllBinaryImages();
        var x = PlainNets.AsTensor(images);
        var labels = Enumerable.Range(0, 16).Select(n => (long)(n % 3)).ToArray();

        var generated = model.LabelledBound(x, tensor(labels)).data<double>().ToArray();

        for (var n = 0; n < images.Length; n++)
            Assert.Equal(plain.LogPxGivenY(images[n], (int)labels[n]) + Math.Log(1.0 / 3), generated[n], 10);
    }

    [Fact]
    public void Unlabelled_bound_is_below_the_exact_log_evidence_and_the_model_is_normalised()
    {
        var (model, plain) = Create();
        var images = AllBinaryImages();
        var x = PlainNets.AsTensor(images);
        var bound = model.UnlabelledBound(x).data<double>().ToArray();

        var logEvidence = images.Select(img => Math.Log(Enumerable.Range(0, 3).Sum(y => Math.Exp(plain.LogPxGivenY(img, y)) / 3))).ToArray();

        Assert.Equal(1.0, logEvidence.Sum(Math.Exp), 10);
        for (var n = 0; n < images.Length; n++)
            Assert.True(bound[n] <= logEvidence[n] + 1e-12, $"U(x) = {bound[n]} > log p(x) = {logEvidence[n]}");
    }
}
