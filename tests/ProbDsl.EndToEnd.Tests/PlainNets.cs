using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// Evaluates a generated model's one-hidden-layer tanh networks in plain C# arithmetic from its parameters, so
/// brute-force sums share nothing with the generated tensors code but the weights.
/// </summary>
internal sealed class PlainNets
{
    private readonly Dictionary<string, double[]> _w;

    public PlainNets(nn.Module module) =>
        _w = module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().to(float64).data<double>().ToArray());

    public PlainNets(Dictionary<string, double[]> weights) => _w = weights;

    public Dictionary<string, double[]> Weights => _w;

    /// <summary>net(inputs) for the head <paramref name="head"/> (e.g. "YLogits"): tanh(Σ W_i v_i + b) then affine.</summary>
    public double[] Run(string net, string head, int hidden, int outputs, params (string Input, double[] Value)[] inputs)
    {
        var h = new double[hidden];
        for (var o = 0; o < hidden; o++)
        {
            h[o] = _w[$"{net}.input{inputs[0].Input}.bias"][o];
            foreach (var (input, value) in inputs)
            {
                var weight = _w[$"{net}.input{input}.weight"];
                for (var i = 0; i < value.Length; i++)
                    h[o] += weight[o * value.Length + i] * value[i];
            }
            h[o] = Math.Tanh(h[o]);
        }
        var headWeight = _w[$"{net}.head{head}.weight"];
        var headBias = _w[$"{net}.head{head}.bias"];
        return Enumerable.Range(0, outputs).Select(o => headBias[o] + Enumerable.Range(0, hidden).Sum(i => headWeight[o * hidden + i] * h[i])).ToArray();
    }

    public static double[] LogSoftmax(double[] logits)
    {
        var max = logits.Max();
        var normaliser = max + Math.Log(logits.Sum(l => Math.Exp(l - max)));
        return logits.Select(l => l - normaliser).ToArray();
    }

    public static double BernoulliLogProb(double[] x, double[] logits) =>
        x.Zip(logits, (xi, l) => xi * l - Math.Log(1 + Math.Exp(l))).Sum();

    public static double[] OneHot(int value, int size) => Enumerable.Range(0, size).Select(k => k == value ? 1.0 : 0.0).ToArray();

    /// <summary>The same images as one float64 tensor [n, pixels].</summary>
    public static Tensor AsTensor(double[][] images) =>
        tensor(images.SelectMany(r => r).ToArray(), new long[] { images.Length, images[0].Length }, dtype: float64);

    public static double[][] AllBinaryImages(int pixels) =>
        Enumerable.Range(0, 1 << pixels).Select(n => Enumerable.Range(0, pixels).Select(i => (double)((n >> i) & 1)).ToArray()).ToArray();
}
