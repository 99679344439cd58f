using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// The score-function estimator on the Tiny model, against the exact enumerated bound with the same weights:
/// its value and its gradient must average to the exact ones (within 5 standard errors), and the moving-average
/// baseline must reduce the gradient's variance.
/// </summary>
public class ScoreFunctionTests
{
    private const int Groups = 40, Replicas = 250;

    private static Tensor AllImages() => PlainNets.AsTensor(PlainNets.AllBinaryImages(4));

    private static TModel Copy<TModel>(nn.Module source, TModel target) where TModel : nn.Module
    {
        target.to(float64);
        target.load_state_dict(source.state_dict());
        return target;
    }

    private static double[] Gradient(nn.Module module, Func<Tensor> objective)
    {
        module.zero_grad();
        objective().backward();
        return module.parameters().SelectMany(p => p.grad!.data<double>().ToArray()).ToArray();
    }

    /// <summary>Mean and standard error of the gradient estimate over independent groups of replicated examples.</summary>
    private static (double[] Mean, double[] StandardError) Estimate(nn.Module module, Func<Tensor, Tensor> objective, Tensor x)
    {
        var replicated = x.repeat(Replicas, 1);
        var samples = Enumerable.Range(0, Groups).Select(_ => Gradient(module, () => objective(replicated).sum() / Replicas)).ToList();
        var mean = Enumerable.Range(0, samples[0].Length).Select(i => samples.Average(s => s[i])).ToArray();
        var error = Enumerable.Range(0, mean.Length)
            .Select(i => Math.Sqrt(samples.Sum(s => Math.Pow(s[i] - mean[i], 2)) / (Groups - 1) / Groups)).ToArray();
        return (mean, error);
    }

    private static void AssertWithinStandardErrors(double[] exact, (double[] Mean, double[] StandardError) estimate, double k)
    {
        for (var i = 0; i < exact.Length; i++)
        {
            var allowed = k * estimate.StandardError[i] + 1e-9;
            Assert.True(Math.Abs(estimate.Mean[i] - exact[i]) <= allowed,
                $"component {i}: estimate {estimate.Mean[i]:G6} vs exact {exact[i]:G6} (allowed ±{allowed:G3})");
        }
    }

    [Fact]
    public void Reinforce_value_and_gradient_average_to_the_exact_enumerated_ones()
    {
        manual_seed(5);
        var exact = new TinyMain();
        exact.to(float64);
        var scored = Copy(exact, new TinyScoreMain());
        var x = AllImages();

        var exactGradient = Gradient(exact, () => exact.UnlabelledBound(x).sum());
        manual_seed(6);
        var estimate = Estimate(scored, xs => scored.UnlabelledObjective(xs), x);

        AssertWithinStandardErrors(exactGradient, estimate, 5);
        var exactValue = exact.UnlabelledBound(x).sum().ToDouble();
        var values = Enumerable.Range(0, Groups).Select(_ => scored.UnlabelledObjective(x.repeat(Replicas, 1)).sum().ToDouble() / Replicas).ToList();
        var standardError = Math.Sqrt(values.Sum(v => Math.Pow(v - values.Average(), 2)) / (Groups - 1) / Groups);
        Assert.True(Math.Abs(values.Average() - exactValue) <= 5 * standardError, $"{values.Average()} vs {exactValue} ± {5 * standardError}");
    }

    [Fact]
    public void Moving_average_baseline_keeps_the_gradient_unbiased_and_cuts_its_variance()
    {
        manual_seed(5);
        var exact = new TinyMain();
        exact.to(float64);
        var plain = Copy(exact, new TinyScoreMain());
        var withBaseline = Copy(exact, new TinyBaselineMain());
        var x = AllImages();
        withBaseline.train();
        for (var i = 0; i < 50; i++)
            withBaseline.UnlabelledObjective(x.repeat(Replicas, 1)); // lets the moving average settle
        withBaseline.eval(); // freeze the baseline while measuring

        var exactGradient = Gradient(exact, () => exact.UnlabelledBound(x).sum());
        manual_seed(7);
        var plainEstimate = Estimate(plain, xs => plain.UnlabelledObjective(xs), x);
        manual_seed(7);
        var baselineEstimate = Estimate(withBaseline, xs => withBaseline.UnlabelledObjective(xs), x);

        AssertWithinStandardErrors(exactGradient, baselineEstimate, 5);
        var ratio = plainEstimate.StandardError.Sum(e => e * e) / baselineEstimate.StandardError.Sum(e => e * e);
        // Measured 10.6 with these seeds; 5 leaves room for other seeds.
        Assert.True(ratio > 5, $"variance ratio (no baseline / moving average) = {ratio:F2}");
    }

    [Fact]
    public void Learned_input_dependent_baseline_keeps_the_gradient_unbiased_and_no_noisier_than_the_moving_average()
    {
        manual_seed(5);
        var exact = new TinyMain();
        exact.to(float64);
        var average = Copy(exact, new TinyBaselineMain());
        var learned = new TinyLearnedMain();
        learned.to(float64);
        foreach (var (name, parameter) in exact.named_parameters())
            using (no_grad())
                learned.get_parameter(name)!.copy_(parameter);
        var x = AllImages();
        var replicated = x.repeat(Replicas, 1);

        // Fit the baseline alone (the model's own weights stay fixed): moving average and learned part together.
        var baselineParameters = learned.named_parameters().Where(p => p.name.StartsWith("signalBaselineNet")).Select(p => p.parameter).ToList();
        using var optimizer = optim.Adam(baselineParameters, lr: 0.05);
        average.train();
        learned.train();
        for (var step = 0; step < 300; step++)
        {
            average.UnlabelledObjective(replicated);
            optimizer.zero_grad();
            learned.UnlabelledObjective(replicated).sum().div(Replicas).neg().backward();
            optimizer.step();
        }
        average.eval();
        learned.eval();

        var modelParameters = exact.named_parameters().Select(p => p.name).ToHashSet();
        double[] ModelPart(nn.Module module, double[] gradient) =>
            module.named_parameters().SelectMany(p => Enumerable.Repeat(modelParameters.Contains(p.name), (int)p.parameter.numel())).Zip(gradient).Where(z => z.First).Select(z => z.Second).ToArray();
        var exactGradient = Gradient(exact, () => exact.UnlabelledBound(x).sum());
        manual_seed(10);
        var averageEstimate = Estimate(average, xs => average.UnlabelledObjective(xs), x);
        manual_seed(10);
        var learnedEstimate = Estimate(learned, xs => learned.UnlabelledObjective(xs), x);
        var learnedOnModel = (ModelPart(learned, learnedEstimate.Mean), ModelPart(learned, learnedEstimate.StandardError));

        AssertWithinStandardErrors(exactGradient, learnedOnModel, 5);
        // The baseline only enters the classifier's (score-function) gradient; the decoder's is pathwise.
        var classifier = exact.named_parameters().SelectMany(p => Enumerable.Repeat(p.name.StartsWith("classifier"), (int)p.parameter.numel())).ToArray();
        double ClassifierVariance(double[] errors) => errors.Where((_, i) => classifier[i]).Sum(e => e * e);
        var ratio = ClassifierVariance(averageEstimate.StandardError) / ClassifierVariance(learnedOnModel.Item2);
        // Measured about 1.0 here: on this model the signal varies with the sample far more than with x.
        Assert.True(ratio > 0.8, $"classifier-gradient variance ratio (moving average / learned) = {ratio:F2}");
    }
}
