using System.Linq;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Tests;

/// <summary>
/// The families beyond Normal, Bernoulli and Categorical: a valid model that uses each of them, and one located
/// diagnostic per rule they add (parameter names, positivity, scalar temperature, supports, labels).
/// </summary>
public class DistributionDiagnosticTests
{
    private const string Valid = """
        model N {
          data   x : Beta[4]
          label  y : OneHotCategorical[3]
          latent w : LogNormal[2]
          latent c : RelaxedOneHotCategorical[3]
          net cls = mlp(x -> 5 -> y.logits)
          net enc = mlp(x, y -> 5 -> w.loc, softplus(w.scale))
          net qc = mlp(x, y, w -> 5 -> c.logits)
          net dec = mlp(y, w, c -> 5 -> softplus(x.concentration1), softplus(x.concentration0))
          p(w) = LogNormal(0, 1)
          p(c) = RelaxedOneHotCategorical(temperature: 0.5, logits: uniform)
          p(y) = OneHotCategorical(uniform)
          p(x | y, w, c) = Beta(dec(y, w, c))
          guide G = q(w | x, y) q(c | x, y, w) q(y | x) {
            q(y | x) = OneHotCategorical(logits: cls(x))
            q(w | x, y) = LogNormal(enc(x, y))
            q(c | x, y, w) = RelaxedOneHotCategorical(temperature: 0.5, logits: qc(x, y, w))
          }
          objective semisupervised(alpha: 0.1)
        }
        """;

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, Valid);
        return Valid.Replace(from, to);
    }

    private static DslDiagnostic Single(string text) => Assert.Single(PdslCompiler.Compile(text, "n.pdsl").Diagnostics);

    [Fact]
    public void The_valid_model_with_every_new_family_has_no_diagnostics() =>
        Assert.Empty(PdslCompiler.Compile(Valid, "n.pdsl").Diagnostics);

    [Theory]
    [InlineData("Beta(dec(y, w, c))", "Beta(alpha: dec(y, w, c))", "PDSL0202", 13, 25)]                   // PyTorch names, not alpha/beta
    [InlineData("softplus(x.concentration1)", "x.concentration1", "PDSL0206", 9, 33)]                   // Beta concentrations are positive
    [InlineData("softplus(w.scale)", "w.scale", "PDSL0206", 7, 37)]                                      // so is a LogNormal's scale
    [InlineData("p(w) = LogNormal(0, 1)", "p(w) = LogNormal(0, 0)", "PDSL0209", 10, 23)]
    [InlineData("temperature: 0.5, logits: uniform", "temperature: -0.5, logits: uniform", "PDSL0209", 11, 48)]
    [InlineData("p(w) = LogNormal(0, 1)", "p(w) = Beta(1, 1)", "PDSL0201", 10, 10)]                       // positive reals vs (0, 1)
    [InlineData("p(y) = OneHotCategorical(uniform)", "p(y) = Categorical(uniform)", "PDSL0201", 12, 10)] // one-hot vs class index
    [InlineData("p(w) = LogNormal(0, 1)", "p(w) = LogNormal(uniform, 1)", "PDSL0209", 10, 20)]
    [InlineData("RelaxedOneHotCategorical(temperature: 0.5, logits: qc(x, y, w))", "RelaxedOneHotCategorical(qc(x, y, w))", "PDSL0210", 17, 47)]
    [InlineData("mlp(x, y, w -> 5 -> c.logits)", "mlp(x, y, w -> 5 -> c.logits, softplus(c.temperature))", "PDSL0210", 8, 42)]
    [InlineData("latent c : RelaxedOneHotCategorical[3]", "latent c : RelaxedOneHotCategorical[1]", "PDSL0207", 5, 10)]
    public void New_families_are_checked_at_the_offending_place(string from, string to, string id, int line, int column)
    {
        var diagnostic = Single(Edit(from, to));

        Assert.Equal((id, line, column), (diagnostic.Id, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Equal(DslSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void A_family_mismatch_names_both_supports()
    {
        var diagnostic = Single(Edit("p(w) = LogNormal(0, 1)", "p(w) = Normal(0, 1)"));

        Assert.Equal("'w' is declared as LogNormal (values in positive reals) but this factor gives it a Normal distribution "
            + "(values in real numbers); use LogNormal here or change the declaration", diagnostic.Message);
    }

    [Fact]
    public void A_label_must_have_finitely_many_classes()
    {
        const string text = """
            model L {
              data x : Bernoulli[2]
              label y : LogNormal[2]
              net dec = mlp(y -> 3 -> x.logits)
              net enc = mlp(x -> 3 -> y.loc, softplus(y.scale))
              p(y) = LogNormal(0, 1)
              p(x | y) = Bernoulli(logits: dec(y))
              guide G = q(y | x) { q(y | x) = LogNormal(enc(x)) }
              objective semisupervised
            }
            """;

        var diagnostic = Single(text);

        Assert.Equal(("PDSL0211", 3, 9), (diagnostic.Id, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Contains("positive reals", diagnostic.Message);
    }

    [Fact]
    public void A_one_hot_categorical_latent_can_be_enumerated_like_a_categorical()
    {
        var text = Edit("objective semisupervised(alpha: 0.1)", "infer y by enumerate\n  objective semisupervised(alpha: 0.1)");

        Assert.Empty(PdslCompiler.Compile(text, "n.pdsl").Diagnostics);
    }

    [Fact]
    public void Continuous_families_cannot_be_enumerated()
    {
        var text = Edit("objective semisupervised(alpha: 0.1)", "infer c by enumerate\n  objective semisupervised(alpha: 0.1)");

        var diagnostic = Single(text);

        Assert.Equal("PDSL0401", diagnostic.Id);
        Assert.Contains("RelaxedOneHotCategorical", diagnostic.Message);
    }

    [Fact]
    public void Each_family_declares_a_support_and_its_parameters()
    {
        Assert.All(DistributionFamilies.All, family => Assert.NotEmpty(family.Parameters()));
        Assert.Equal(DistributionFamilies.All.Count, DistributionFamilies.All.Select(f => f.Support()).Distinct().Count());
    }
}
