using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Dsl.Tests;

/// <summary>A small valid M2-like model that diagnostic tests break one edit at a time.</summary>
internal static class ValidModel
{
    public const string Text = """
        model M {
          data   x : Bernoulli[4]
          label  y : Categorical[3]
          latent z : Normal[2]
          net cls = mlp(x -> 5 -> y.logits)
          net enc = mlp(x, y -> 5 -> z.loc, softplus(z.scale))
          net dec = mlp(y, z -> 5 -> x.logits)
          p(z) = Normal(0, 1)
          p(y) = Categorical(uniform)
          p(x | y, z) = Bernoulli(logits: dec(y, z))
          guide G = q(z | x, y) q(y | x) {
            q(y | x) = Categorical(logits: cls(x))
            q(z | x, y) = Normal(enc(x, y))
          }
          objective semisupervised(alpha: 0.1)
        }
        """;

    /// <summary>The model with <paramref name="from"/> (which must occur) replaced by <paramref name="to"/>.</summary>
    public static string Edit(string from, string to)
    {
        Assert.Contains(from, Text);
        return Text.Replace(from, to);
    }

    /// <summary>The one diagnostic the compiler reports for <paramref name="text"/>.</summary>
    public static DslDiagnostic SingleDiagnostic(string text) => Assert.Single(PdslCompiler.Compile(text, "m.pdsl").Diagnostics);
}
