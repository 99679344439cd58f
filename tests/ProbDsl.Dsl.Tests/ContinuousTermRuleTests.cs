using System.Linq;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Tests;

/// <summary>
/// Which continuous latents get a closed-form KL: expected choices worked out by hand from the rule "every parent
/// of v in the model is observed or not drawn from v in the guide".
/// </summary>
public class ContinuousTermRuleTests
{
    private static ModelIr Parse(string text)
    {
        var result = PdslCompiler.Compile(text, "t.pdsl");
        Assert.True(result.Diagnostics.All(d => !d.IsError), string.Join("\n", result.Diagnostics));
        return result.Value!.Models.Single();
    }

    private static string Choices(ModelIr model, string guide) =>
        string.Join(" ", ContinuousTermRule.Decide(model, model.Guides.Single(g => g.Name == guide))
            .Select(t => $"{t.Variable}:{(t.Kind == ContinuousTermKind.AnalyticKl ? "kl" : "sampled[" + string.Join(",", t.LateParents) + "]")}"));

    private const string Hierarchical = """
        model Hier {
          data   x  : Bernoulli[3]
          latent z1 : Normal[1]
          latent z2 : Normal[1]
          net pz1 = mlp(z2 -> 4 -> z1.loc, softplus(z1.scale), act: tanh)
          net dec = mlp(z1 -> 4 -> x.logits, act: tanh)
          net qz1 = mlp(x -> 4 -> z1.loc, softplus(z1.scale), act: tanh)
          net qz2 = mlp(z1 -> 4 -> z2.loc, softplus(z2.scale), act: tanh)
          net qz2x = mlp(x -> 4 -> z2.loc, softplus(z2.scale), act: tanh)
          net qz1x = mlp(x, z2 -> 4 -> z1.loc, softplus(z1.scale), act: tanh)
          p(z2)      = Normal(0, 1)
          p(z1 | z2) = Normal(pz1(z2))
          p(x | z1)  = Bernoulli(logits: dec(z1))
          guide BottomUp = q(z1 | x) q(z2 | z1) {
            q(z1 | x)  = Normal(qz1(x))
            q(z2 | z1) = Normal(qz2(z1))
          }
          guide TopDown = q(z2 | x) q(z1 | x, z2) {
            q(z2 | x)     = Normal(qz2x(x))
            q(z1 | x, z2) = Normal(qz1x(x, z2))
          }
          guide MeanField = q(z1 | x) q(z2 | x) {
            q(z1 | x) = Normal(qz1(x))
            q(z2 | x) = Normal(qz2x(x))
          }
          objective elbo
        }
        """;

    [Fact]
    public void Bottom_up_guide_samples_the_lower_layer_whose_prior_reads_the_layer_drawn_from_it()
    {
        Assert.Equal("z1:sampled[z2] z2:kl", Choices(Parse(Hierarchical), "BottomUp"));
    }

    [Fact]
    public void Top_down_and_mean_field_guides_keep_every_closed_form_kl()
    {
        var model = Parse(Hierarchical);
        Assert.Equal("z1:kl z2:kl", Choices(model, "TopDown"));
        Assert.Equal("z1:kl z2:kl", Choices(model, "MeanField"));
    }

    [Fact]
    public void A_discrete_latent_drawn_from_z_makes_z_sampled_when_z_prior_reads_it()
    {
        var model = Parse("""
            model DiscreteChild {
              data   x : Bernoulli[3]
              latent c : Categorical[2]
              latent z : Normal[1]
              net pz  = mlp(c -> 4 -> z.loc, softplus(z.scale))
              net dec = mlp(z -> 4 -> x.logits)
              net qz  = mlp(x -> 4 -> z.loc, softplus(z.scale))
              net qc  = mlp(x, z -> 4 -> c.logits)
              net qcx = mlp(x -> 4 -> c.logits)
              net qzc = mlp(x, c -> 4 -> z.loc, softplus(z.scale))
              p(c) = Categorical(uniform)
              p(z | c) = Normal(pz(c))
              p(x | z) = Bernoulli(logits: dec(z))
              guide ZFirst = q(z | x) q(c | x, z) {
                q(z | x) = Normal(qz(x))
                q(c | x, z) = Categorical(logits: qc(x, z))
              }
              guide CFirst = q(c | x) q(z | x, c) {
                q(c | x) = Categorical(logits: qcx(x))
                q(z | x, c) = Normal(qzc(x, c))
              }
              objective elbo
            }
            """);

        Assert.Equal("z:sampled[c]", Choices(model, "ZFirst"));
        Assert.Equal("z:kl", Choices(model, "CFirst"));
    }

    [Fact]
    public void An_observed_label_is_never_drawn_from_z_so_the_labelled_bound_keeps_the_kl()
    {
        var model = Parse("""
            model LabelChild {
              data   x : Bernoulli[3]
              label  y : Categorical[2]
              latent z : Normal[1]
              net pz  = mlp(y -> 4 -> z.loc, softplus(z.scale))
              net dec = mlp(z -> 4 -> x.logits)
              net qz  = mlp(x -> 4 -> z.loc, softplus(z.scale))
              net qy  = mlp(x, z -> 4 -> y.logits)
              p(y) = Categorical(uniform)
              p(z | y) = Normal(pz(y))
              p(x | z) = Bernoulli(logits: dec(z))
              guide ZFirst = q(z | x) q(y | x, z) {
                q(z | x) = Normal(qz(x))
                q(y | x, z) = Categorical(logits: qy(x, z))
              }
              objective semisupervised(alpha: 1)
            }
            """);
        var guide = model.Guides.Single();

        Assert.Equal(ContinuousTermKind.Sampled, ContinuousTermRule.Decide(model, guide).Single().Kind);
        Assert.Equal(ContinuousTermKind.AnalyticKl, ContinuousTermRule.Decide(model, guide, labelObserved: true).Single().Kind);
    }

    [Fact]
    public void M2_keeps_its_closed_form_kl()
    {
        var path = System.IO.Path.Combine("Examples", "M2Mnist", "m2.pdsl");
        var model = PdslCompiler.Compile(System.IO.File.ReadAllText(path), path).Value!.Models.Single();
        Assert.Equal("z:kl", Choices(model, "Structured"));
        Assert.Equal("z:kl", Choices(model, "MeanField"));
    }
}
