using System;
using System.Linq;
using ProbDsl.Inference.Distributions;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>The Gumbel-Softmax path: its statistics, and the generated relaxed M2 surrogate against a hand-written one.</summary>
public class RelaxationTests
{
    private static readonly double[] Probabilities = { 0.5, 0.3, 0.15, 0.05 };

    private static Tensor Logits(int rows) =>
        tensor(Probabilities.Select(p => Math.Log(p)).ToArray(), dtype: float64).expand(rows, Probabilities.Length);

    [Fact]
    public void Gumbel_max_samples_have_the_categorical_frequencies()
    {
        manual_seed(11);
        const int draws = 20_000;

        var samples = Relaxation.GumbelSoftmax(Logits(draws), temperature: 0.5, hard: true);

        var counts = samples.sum(dim: 0).data<double>().ToArray();
        var chiSquare = counts.Zip(Probabilities, (observed, p) => Math.Pow(observed - draws * p, 2) / (draws * p)).Sum();
        Assert.True(chiSquare < 16.27, $"chi-square {chiSquare:F2} >= 16.27, the 0.999 quantile with 3 degrees of freedom");
        Assert.All(samples.sum(dim: 1).data<double>().ToArray(), total => Assert.Equal(1.0, total, 12));
    }

    [Fact]
    public void Relaxed_samples_approach_one_hot_as_the_temperature_falls()
    {
        manual_seed(12);

        double MeanLargestComponent(double temperature) =>
            Relaxation.GumbelSoftmax(Logits(5_000), temperature, hard: false).max(dim: 1).values.mean().ToDouble();

        var (cold, cool, warm, hot) = (MeanLargestComponent(0.005), MeanLargestComponent(0.1), MeanLargestComponent(1.0), MeanLargestComponent(10.0));

        Assert.True(cold > 0.99, $"τ = 0.005: {cold}");
        Assert.True(cold > cool && cool > warm && warm > hot, $"{cold} {cool} {warm} {hot}");
        Assert.True(hot < 0.4, $"τ = 10: {hot}");
    }

    [Fact]
    public void Straight_through_is_one_hot_forward_with_the_soft_gradient_backward()
    {
        var weights = tensor(new double[] { 1, -2, 3, 0.5 }, dtype: float64);
        Tensor GradientOf(bool hard, out Tensor sample)
        {
            var logits = Logits(3).clone().requires_grad_(true);
            manual_seed(13);
            sample = Relaxation.GumbelSoftmax(logits, 0.7, hard);
            (sample * weights).sum().backward();
            return logits.grad!;
        }

        var hardGradient = GradientOf(hard: true, out var hardSample);
        var softGradient = GradientOf(hard: false, out var softSample);

        Assert.True(hardSample.detach().eq(nn.functional.one_hot(softSample.argmax(-1), 4).to(float64)).all().ToBoolean());
        Assert.True(hardGradient.allclose(softGradient, rtol: 0, atol: 1e-12));
        Assert.True(hardGradient.abs().sum().ToDouble() > 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Relaxed_M2_surrogate_matches_the_hand_written_reference(bool hard)
    {
        manual_seed(1);
        nn.Module module = hard ? new M2StraightThroughStructured() : new M2RelaxedStructured();
        module.to(float64);
        var model = (ProbDsl.Inference.Models.ISemiSupervisedModel)module;
        ((ProbDsl.Inference.Models.IRelaxedModel)module).Temperature = 0.6;
        var reference = new ReferenceM2(module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), "encoder");
        using var generator = new Generator(3);
        var x = rand(new long[] { 7, 784 }, generator: generator, dtype: float64).gt(0.5).to(float64);

        manual_seed(21);
        var generated = model.UnlabelledObjective(x);
        manual_seed(21);
        var uniform = rand(new long[] { 7, 10 }, dtype: float64).clamp(1e-10, 1 - 1e-10); // drawn first: the Concrete noise
        var eps = randn(new long[] { 7, 50 }, dtype: float64);                             // then z's noise
        var logQ = reference.ClassLogProbs(x);
        var relaxed = nn.functional.softmax((logQ - uniform.log().neg().log()) / 0.6, 1);
        var y = hard ? nn.functional.one_hot(relaxed.argmax(-1), 10).to(float64) : relaxed;
        var klY = (logQ.exp() * logQ).sum(1) + Math.Log(10);
        var expected = reference.LabelledBound(x, y, eps) - Math.Log(1.0 / 10) - klY;

        var difference = (expected - generated).abs().max().ToDouble();
        Assert.True(difference < 1e-5, $"max |difference| = {difference}");
    }

    [Fact]
    public void Temperature_follows_the_declared_schedule()
    {
        var schedule = new TemperatureSchedule(1.0, 0.5, 1e-3, 100);

        Assert.Equal(1.0, schedule.At(0));
        Assert.Equal(1.0, schedule.At(99));
        Assert.Equal(Math.Exp(-0.1), schedule.At(100), 12);
        Assert.Equal(Math.Exp(-0.1), schedule.At(199), 12);
        Assert.Equal(0.5, schedule.At(1_000_000));
    }

    [Fact]
    public void Trainer_sets_the_temperature_before_every_step()
    {
        torch.set_num_threads(1);
        manual_seed(0);
        var data = new SemiSupervisedData(
            new DataSplit(rand(20, 784).gt(0.5).to(float32), randint(0, 10, new long[] { 20 }, dtype: int64)),
            new DataSplit(rand(100, 784).gt(0.5).to(float32), null),
            new DataSplit(rand(10, 784).gt(0.5).to(float32), randint(0, 10, new long[] { 10 }, dtype: int64)));
        using var trainer = new M2RelaxedStructuredTrainer(new TrainingOptions { Epochs = 1, BatchSize = 5, LabelledBatchSize = 5 });

        var report = trainer.Train(data).Single();

        // 20 steps; the last one (t = 19) used τ = max(0.5, 0.7·exp(-1e-4·10)), the schedule declared in m2relaxed.pdsl.
        Assert.Equal(Math.Max(0.5, 0.7 * Math.Exp(-1e-4 * 10)), report.Temperature!.Value, 12);
    }
}
