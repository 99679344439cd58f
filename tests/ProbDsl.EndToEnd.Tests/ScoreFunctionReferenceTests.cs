using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Inference.Models;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// The generated score-function surrogate against REINFORCE written out by hand, with the same weights and the
/// same random draws (same seed, same calls: the class by multinomial on q(y|x), then z's noise): the textbook
/// surrogate f(y) + (f(y) − b)·log q(y|x), f detached in the second term, must give the generated gradient, and
/// the generated value must be f itself (the one-sample bound). The baseline is followed by hand too.
/// </summary>
public class ScoreFunctionReferenceTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void M2_surrogate_with_the_moving_average_baseline_matches_hand_written_reinforce()
    {
        manual_seed(1);
        var module = new M2ReinforceStructured();
        module.to(float64);
        module.train();
        var reference = new ReferenceM2(module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), "encoder", differentiable: true);
        using var generator = new Generator(5);
        var x = rand(new long[] { 7, 784 }, generator: generator, dtype: float64).gt(0.5).to(float64);
        double? baseline = null; // m2reinforce.pdsl: baseline: average with the default decay 0.99

        // Three calls: b = 0 at first, then the first batch's mean signal, then the moving average of two.
        for (var call = 0; call < 3; call++)
        {
            manual_seed(40 + call);
            var generated = ((ISemiSupervisedModel)module).UnlabelledObjective(x);
            manual_seed(40 + call);
            var logQ = reference.ClassLogProbs(x);
            var sample = multinomial(logQ.detach().exp(), 1).squeeze(-1);
            var eps = randn(new long[] { 7, 50 }, dtype: float64);
            var logQy = logQ.gather(1, sample.unsqueeze(1)).squeeze(1);
            var signal = reference.LabelledBound(x, nn.functional.one_hot(sample, 10).to(float64), eps) - logQy;
            var surrogate = signal + (signal.detach() - (baseline ?? 0)) * logQy;

            AssertClose(signal, generated, "value");
            AssertSameGradients(module, generated, reference.Weights, surrogate);
            var mean = signal.mean().ToDouble();
            baseline = baseline is null ? mean : 0.99 * baseline.Value + 0.01 * mean;
        }
    }

    [Fact]
    public void Surrogate_with_a_learned_baseline_matches_hand_written_reinforce_with_its_regression_term()
    {
        manual_seed(2);
        var module = new TinyLearnedMain();
        module.to(float64);
        module.train();
        using (no_grad())
            foreach (var (name, parameter) in module.named_parameters().Where(p => p.name.StartsWith("signalBaselineNet")))
                parameter.copy_(randn_like(parameter)); // it starts at zero; a baseline that is not zero tests more
        var w = module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone().requires_grad_(true));
        var x = PlainNets.AsTensor(PlainNets.AllBinaryImages(4));
        double? average = null; // tiny-learned.pdsl: baseline: learned, decay: 0.9

        for (var call = 0; call < 3; call++)
        {
            manual_seed(50 + call);
            var generated = ((ISemiSupervisedModel)module).UnlabelledObjective(x);
            manual_seed(50 + call);
            var logQ = nn.functional.log_softmax(Layer(w, "classifier", "YLogits", x), 1);
            var sample = multinomial(logQ.detach().exp(), 1).squeeze(-1);
            var logQy = logQ.gather(1, sample.unsqueeze(1)).squeeze(1);
            var logits = Layer(w, "decoder", "XLogits", nn.functional.one_hot(sample, 3).to(float64));
            var signal = (x * logits - nn.functional.softplus(logits)).sum(1) + Math.Log(1.0 / 3) - logQy;
            var b = x.matmul(w["signalBaselineNet.linear.weight"].t()).squeeze(1) + w["signalBaselineNet.linear.bias"] + (average ?? 0);
            // REINFORCE with b(x) detached in the score term, plus the regression -½(f - b)² that trains b (f detached).
            var surrogate = signal + (signal.detach() - b.detach()) * logQy - 0.5 * (signal.detach() - b).square();

            AssertClose(signal, generated, "value");
            AssertSameGradients(module, generated, w, surrogate);
            var mean = signal.mean().ToDouble();
            average = average is null ? mean : 0.9 * average.Value + 0.1 * mean;
        }
    }

    /// <summary>One hidden tanh layer then the head: the Tiny model's networks, from the weights.</summary>
    private static Tensor Layer(IReadOnlyDictionary<string, Tensor> w, string net, string head, Tensor input)
    {
        var inputName = net == "classifier" ? "X" : "Y";
        var h = tanh(input.matmul(w[$"{net}.input{inputName}.weight"].t()) + w[$"{net}.input{inputName}.bias"]);
        return h.matmul(w[$"{net}.head{head}.weight"].t()) + w[$"{net}.head{head}.bias"];
    }

    private static void AssertSameGradients(nn.Module module, Tensor generated, IReadOnlyDictionary<string, Tensor> referenceWeights, Tensor surrogate)
    {
        module.zero_grad();
        foreach (var weight in referenceWeights.Values)
            weight.grad?.zero_();
        generated.sum().backward();
        surrogate.sum().backward();
        foreach (var (name, parameter) in module.named_parameters())
        {
            Assert.True(parameter.grad is not null && parameter.grad.abs().sum().ToDouble() > 0, $"{name}: no gradient");
            AssertClose(referenceWeights[name].grad!, parameter.grad!, name);
        }
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        var difference = (expected - actual).abs().max().ToDouble();
        Assert.True(difference < Tolerance, $"{what}: max |difference| = {difference}");
    }
}
