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
    private sealed class PlainTiny
    {
        private readonly Dictionary<string, double[]> _w;

        public PlainTiny(nn.Module module) =>
            _w = module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().to(float64).data<double>().ToArray());

        private double[] Layer(string name, double[] input, int outputs, bool bias = true)
        {
            var weight = _w[name + ".weight"];
            var result = new double[outputs];
            for (var o = 0; o < outputs; o++)
            {
                result[o] = bias ? _w[name + ".bias"][o] : 0;
                for (var i = 0; i < input.Length; i++)
                    result[o] += weight[o * input.Length + i] * input[i];
            }
            return result;
        }

        public double[] LogQ(double[] x)
        {
            var h = Layer("classifier.inputX", x, 5).Select(Math.Tanh).ToArray();
            var logits = Layer("classifier.headYLogits", h, 3);
            var max = logits.Max();
            var logNormaliser = max + Math.Log(logits.Sum(l => Math.Exp(l - max)));
            return logits.Select(l => l - logNormaliser).ToArray();
        }

        public double LogPxGivenY(double[] x, int y)
        {
            var oneHot = Enumerable.Range(0, 3).Select(k => k == y ? 1.0 : 0.0).ToArray();
            var h = Layer("decoder.inputY", oneHot, 6).Select(Math.Tanh).ToArray();
            var logits = Layer("decoder.headXLogits", h, 4);
            return x.Zip(logits, (xi, l) => xi * l - Math.Log(1 + Math.Exp(l))).Sum();
        }
    }

    private static double[][] AllBinaryImages() =>
        Enumerable.Range(0, 16).Select(n => Enumerable.Range(0, 4).Select(i => (double)((n >> i) & 1)).ToArray()).ToArray();

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
        var x = tensor(images.SelectMany(r => r).ToArray(), new long[] { 16, 4 }, dtype: float64);

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
        var x = tensor(images.SelectMany(r => r).ToArray(), new long[] { 16, 4 }, dtype: float64);
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
        var x = tensor(images.SelectMany(r => r).ToArray(), new long[] { 16, 4 }, dtype: float64);
        var bound = model.UnlabelledBound(x).data<double>().ToArray();

        var logEvidence = images.Select(img => Math.Log(Enumerable.Range(0, 3).Sum(y => Math.Exp(plain.LogPxGivenY(img, y)) / 3))).ToArray();

        Assert.Equal(1.0, logEvidence.Sum(Math.Exp), 10);
        for (var n = 0; n < images.Length; n++)
            Assert.True(bound[n] <= logEvidence[n] + 1e-12, $"U(x) = {bound[n]} > log p(x) = {logEvidence[n]}");
    }
}
