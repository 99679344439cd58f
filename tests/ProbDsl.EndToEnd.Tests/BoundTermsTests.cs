using System;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// The named pieces of each bound (issue #10: a NaN names the KL or the likelihood, not only the bound): they add
/// up to the bound at the same draws, and a non-finite loss is explained by the piece that went non-finite.
/// </summary>
public sealed class BoundTermsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("probdsl-terms-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Models => new() { "M2Structured", "M2MeanField", "Three", "AdgmSmall", "Report", "ReportMixed", "M2Relaxed", "Tiny" };

    private static (nn.Module Module, int Size, int Classes) Create(string name) => name switch
    {
        "M2Structured" => (new M2Structured(), 784, 10),
        "M2MeanField" => (new M2MeanField(), 784, 10),
        "Three" => (new ThreeMain(), 4, 3),
        "AdgmSmall" => (new AdgmSmallAuxiliary(), 4, 3),
        "Report" => (new ReportMain(), 3, 2),
        "ReportMixed" => (new ReportMixedMain(), 3, 2),
        "M2Relaxed" => (new M2RelaxedStructured(), 784, 10),
        "Tiny" => (new TinyMain(), 4, 3),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void The_terms_add_up_to_the_labelled_and_the_unlabelled_bound_at_the_same_draws(string name)
    {
        manual_seed(4);
        var (module, size, classes) = Create(name);
        using var _ = module;
        module.to(float64);
        var model = (ISemiSupervisedModel)module;
        var x = rand(5, size, dtype: float64).gt(0.5).to(float64);
        if (name == "Report")
            x = randn(5, size, dtype: float64);
        var y = randint(0, classes, new long[] { 5 }, dtype: int64);

        manual_seed(9);
        var labelled = model.LabelledBound(x, y);
        manual_seed(9);
        var labelledTerms = model.LabelledBoundTerms(x, y);
        manual_seed(10);
        var unlabelled = model.UnlabelledBound(x);
        manual_seed(10);
        var unlabelledTerms = model.UnlabelledBoundTerms(x);

        Assert.All(labelledTerms.Concat(unlabelledTerms), t => Assert.Equal(new long[] { 5 }, t.PerExample.shape));
        AssertClose(labelled, labelledTerms.Select(t => t.PerExample).Aggregate((a, b) => a + b));
        AssertClose(unlabelled, unlabelledTerms.Select(t => t.PerExample).Aggregate((a, b) => a + b));
        Assert.Contains(labelledTerms, t => t.Name.StartsWith("likelihood log p(x|"));
        Assert.Contains(unlabelledTerms, t => t.Name.StartsWith("entropy H(q(y|"));
    }

    [Theory]
    [InlineData("Hier")]
    [InlineData("Mixture")]
    [InlineData("Positive")]
    public void The_terms_of_an_unsupervised_model_add_up_to_its_ELBO(string name)
    {
        manual_seed(5);
        using nn.Module module = name switch { "Hier" => new HierQ(), "Mixture" => new MixturePosterior(), _ => new PositiveMain() };
        module.to(float64);
        var model = (IUnsupervisedModel)module;
        var x = name == "Positive" ? rand(5, 3, dtype: float64) * 0.8 + 0.1 : rand(5, model.DataSize, dtype: float64).gt(0.5).to(float64);

        manual_seed(9);
        var bound = model.Bound(x);
        manual_seed(9);
        var terms = model.BoundTerms(x);

        AssertClose(bound, terms.Select(t => t.PerExample).Aggregate((a, b) => a + b));
        Assert.Contains(terms, t => t.Name.StartsWith("likelihood log p(x|"));
    }

    [Fact]
    public void An_unsupervised_model_with_a_zero_guide_scale_names_the_guide_term_of_its_ELBO()
    {
        manual_seed(0);
        using var train = new DataSplit(rand(50, 3).gt(0.5).to(float32), null);
        using var test = new DataSplit(zeros(10, 3), null);
        using var trainer = new HierTrainer(Options);
        using (no_grad())
        {
            // q(z1|x) collapses to a point: z1 is its loc, and log q(z1|x) reads (z1 - loc) / 0 = NaN; the rest stays finite.
            var parameters = trainer.Model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            parameters["qz1.headZ1Scale.weight"].zero_();
            parameters["qz1.headZ1Scale.bias"].fill_(-1e4);
        }

        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Train(train, test));

        Assert.Equal(new[] { UnsupervisedTrainer<HierQ>.ElboTerm }, error.NonFiniteTerms.Select(t => t.Name));
        Assert.Equal(new[] { "guide -log q(z1|x)" }, error.NonFiniteParts.Select(t => t.Name));
        Assert.Contains("In the ELBO, non-finite: guide -log q(z1|x) = NaN. Finite: ", error.Message);
    }

    private sealed class HierTrainer : UnsupervisedTrainer<HierQ>
    {
        public HierTrainer(TrainingOptions options)
            : base(new HierQ(), options)
        {
        }
    }

    [Fact]
    public void The_M2_terms_are_named_after_the_factors()
    {
        using var model = new M2Structured();
        var x = zeros(2, 784);
        Assert.Equal(new[] { "-KL(q(z|x,y) || p(z))", "prior log p(y)", "likelihood log p(x|y,z)" },
            model.LabelledBoundTerms(x, zeros(2, dtype: int64)).Select(t => t.Name));
        Assert.Equal(new[] { "-KL(q(z|x,y) || p(z))", "prior log p(y)", "likelihood log p(x|y,z)", "entropy H(q(y|x))" },
            model.UnlabelledBoundTerms(x).Select(t => t.Name));
    }

    private static DataSplit Normal(long rows, int seed, double scale)
    {
        var generator = new Generator((ulong)seed);
        return new DataSplit(randn(new long[] { rows, 3 }, generator: generator) * scale, randint(0, 2, new long[] { rows }, generator: generator, dtype: int64));
    }

    private TrainingOptions Options => new()
    {
        Epochs = 1, BatchSize = 10, LabelledBatchSize = 10, Seed = 0, LearningRate = 1e-3, CheckpointPath = Path.Combine(_directory, "model.bin"),
    };

    private sealed class ReportTrainer : SemiSupervisedTrainer<ReportMain>
    {
        public ReportTrainer(TrainingOptions options)
            : base(new ReportMain(), options, declaredAlpha: 1)
        {
        }
    }

    [Fact]
    public void Huge_data_under_a_Normal_likelihood_names_the_likelihood_of_the_unlabelled_bound()
    {
        manual_seed(0);
        // 1e20 is finite, so no input is flagged; tanh saturates, so the networks stay finite; (x - loc)² overflows.
        var data = new SemiSupervisedData(Normal(20, 1, 1), Normal(100, 2, 1e20), Normal(20, 3, 1));
        using var trainer = new ReportTrainer(Options);

        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Train(data));

        Assert.Equal(new[] { SemiSupervisedObjective.UnlabelledTerm }, error.NonFiniteTerms.Select(t => t.Name));
        Assert.Equal(new[] { "likelihood log p(x|z,w)" }, error.NonFiniteParts.Select(t => t.Name));
        Assert.Empty(error.Breakdown.NonFiniteInputs);
        Assert.Contains("In the unlabelled bound U(x), y enumerated, non-finite: likelihood log p(x|z,w) = -Infinity. Finite: prior log p(y) = ", error.Message);
        Assert.Contains(", -KL(q(z|x,y) || p(z|y)) = ", error.Message);
        Assert.Contains(", entropy H(q(y|x)) = ", error.Message);
    }

    [Fact]
    public void A_guide_scale_of_zero_names_the_KL_of_both_bounds_and_not_the_likelihood()
    {
        manual_seed(0);
        var data = new SemiSupervisedData(Normal(20, 1, 1), Normal(100, 2, 1), Normal(20, 3, 1));
        using var trainer = new ReportTrainer(Options);
        using (no_grad())
        {
            // softplus(-1e4) is exactly 0 in float32: q(z|x,y) collapses to a point, KL(q || p) = +∞, z stays finite.
            var parameters = trainer.Model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            parameters["qz.headZScale.weight"].zero_();
            parameters["qz.headZScale.bias"].fill_(-1e4);
        }

        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Train(data));

        Assert.Equal(new[] { SemiSupervisedObjective.LabelledTerm, SemiSupervisedObjective.UnlabelledTerm }, error.NonFiniteTerms.Select(t => t.Name));
        Assert.Equal(new[] { "-KL(q(z|x,y) || p(z|y))", "-KL(q(z|x,y) || p(z|y))" }, error.NonFiniteParts.Select(t => t.Name));
        Assert.Contains("In the labelled bound L(x,y), non-finite: -KL(q(z|x,y) || p(z|y)) = -Infinity. Finite: ", error.Message);
        Assert.Contains("likelihood log p(x|z,w) = ", error.Message);
        Assert.Null(error.NonFiniteWeight);
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        var difference = (expected - actual).abs().max().ToDouble();
        Assert.True(difference < 1e-9, $"max |difference| = {difference}");
    }
}
