using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Inference.Models;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// Models with two and three discrete latents, independent and dependent: the generated bounds (each latent on
/// its own enumerated dimension) equal brute-force sums over every joint assignment, computed in plain C#, and
/// their gradients equal finite differences of those sums.
/// </summary>
public class MultipleDiscreteLatentsTests
{
    /// <summary>A model's joint log p(x, assignment) and log q(assignment | x) in plain arithmetic; assignment = (y, b, c...).</summary>
    private sealed record BruteForce(int[] Sizes, Func<PlainNets, double[], int[], double> LogJoint, Func<PlainNets, double[], int[], double> LogGuide);

    private static readonly double[][] Images = PlainNets.AllBinaryImages(4);

    private static IEnumerable<int[]> Assignments(int[] sizes, int? fixedFirst = null)
    {
        IEnumerable<int[]> all = new[] { Array.Empty<int>() };
        for (var i = 0; i < sizes.Length; i++)
        {
            var index = i;
            all = all.SelectMany(prefix => Enumerable.Range(0, sizes[index])
                .Where(v => index != 0 || fixedFirst is null || v == fixedFirst)
                .Select(v => prefix.Append(v).ToArray()));
        }
        return all;
    }

    /// <summary>U(x) = Σ_a q(a|x)(log p(x,a) − log q(a|x)); L(x,y) = same over the latents with y fixed.</summary>
    private static double Unlabelled(BruteForce model, PlainNets nets, double[] x) =>
        Assignments(model.Sizes).Sum(a => Math.Exp(model.LogGuide(nets, x, a)) * (model.LogJoint(nets, x, a) - model.LogGuide(nets, x, a)));

    private static double Labelled(BruteForce model, PlainNets nets, double[] x, int y)
    {
        var assignments = Assignments(model.Sizes, y).ToList();
        double LogGuideGivenY(int[] a) => model.LogGuide(nets, x, a) - PlainNets.LogSoftmax(nets.Run("classifier", "YLogits", 5, 3, ("X", x)))[y];
        return assignments.Sum(a => Math.Exp(LogGuideGivenY(a)) * (model.LogJoint(nets, x, a) - LogGuideGivenY(a)));
    }

    private static double LogQY(PlainNets n, double[] x, int y) => PlainNets.LogSoftmax(n.Run("classifier", "YLogits", 5, 3, ("X", x)))[y];

    private static readonly BruteForce TwoIndependent = new(new[] { 3, 2 },
        (n, x, a) => Math.Log(1.0 / 3) + Math.Log(1.0 / 2)
            + PlainNets.BernoulliLogProb(x, n.Run("decoder", "XLogits", 6, 4, ("Y", PlainNets.OneHot(a[0], 3)), ("B", PlainNets.OneHot(a[1], 2)))),
        (n, x, a) => LogQY(n, x, a[0]) + PlainNets.LogSoftmax(n.Run("nuisance", "BLogits", 5, 2, ("X", x)))[a[1]]);

    private static readonly BruteForce TwoDependent = new(new[] { 3, 2 },
        (n, x, a) => Math.Log(1.0 / 3)
            + PlainNets.LogSoftmax(n.Run("prior", "BLogits", 4, 2, ("Y", PlainNets.OneHot(a[0], 3))))[a[1]]
            + PlainNets.BernoulliLogProb(x, n.Run("decoder", "XLogits", 6, 4, ("Y", PlainNets.OneHot(a[0], 3)), ("B", PlainNets.OneHot(a[1], 2)))),
        (n, x, a) => LogQY(n, x, a[0]) + PlainNets.LogSoftmax(n.Run("nuisance", "BLogits", 5, 2, ("X", x), ("Y", PlainNets.OneHot(a[0], 3))))[a[1]]);

    private static readonly BruteForce Three = new(new[] { 3, 2, 2 },
        (n, x, a) => Math.Log(1.0 / 3) + Math.Log(1.0 / 2)
            + PlainNets.LogSoftmax(n.Run("pc", "CLogits", 4, 2, ("B", PlainNets.OneHot(a[1], 2))))[a[2]]
            + PlainNets.BernoulliLogProb(x, n.Run("decoder", "XLogits", 6, 4,
                ("Y", PlainNets.OneHot(a[0], 3)), ("B", PlainNets.OneHot(a[1], 2)), ("C", PlainNets.OneHot(a[2], 2)))),
        (n, x, a) => LogQY(n, x, a[0]) + PlainNets.LogSoftmax(n.Run("qb", "BLogits", 5, 2, ("X", x)))[a[1]]
            + PlainNets.LogSoftmax(n.Run("qc", "CLogits", 5, 2, ("X", x), ("B", PlainNets.OneHot(a[1], 2))))[a[2]]);

    public static TheoryData<string> ModelNames => new() { "TwoIndependent", "TwoDependent", "Three" };

    private static (nn.Module Module, ISemiSupervisedModel Model, BruteForce Oracle) Create(string name)
    {
        manual_seed(17);
        nn.Module module = name switch
        {
            "TwoIndependent" => new TwoIndependentMain(),
            "TwoDependent" => new TwoDependentMain(),
            _ => new ThreeMain(),
        };
        module.to(float64);
        var oracle = name switch { "TwoIndependent" => TwoIndependent, "TwoDependent" => TwoDependent, _ => Three };
        return (module, (ISemiSupervisedModel)module, oracle);
    }

    private static Tensor X() => PlainNets.AsTensor(Images);

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Unlabelled_bound_equals_the_brute_force_sum_over_all_joint_assignments(string name)
    {
        var (module, model, oracle) = Create(name);
        var nets = new PlainNets(module);

        var generated = model.UnlabelledBound(X()).data<double>().ToArray();

        for (var n = 0; n < Images.Length; n++)
            Assert.Equal(Unlabelled(oracle, nets, Images[n]), generated[n], 10);
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Labelled_bound_equals_the_brute_force_sum_over_the_latents(string name)
    {
        var (module, model, oracle) = Create(name);
        var nets = new PlainNets(module);
        var labels = Enumerable.Range(0, Images.Length).Select(n => (long)(n % 3)).ToArray();

        var generated = model.LabelledBound(X(), tensor(labels)).data<double>().ToArray();

        for (var n = 0; n < Images.Length; n++)
            Assert.Equal(Labelled(oracle, nets, Images[n], (int)labels[n]), generated[n], 10);
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Gradient_of_the_unlabelled_bound_equals_finite_differences_of_the_brute_force_sum(string name)
    {
        var (module, model, oracle) = Create(name);
        model.UnlabelledBound(X()).sum().backward();
        var gradients = module.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.data<double>().ToArray());
        var weights = new PlainNets(module).Weights;
        var random = new Random(3);

        foreach (var parameter in weights.Keys.OrderBy(k => k))
        {
            var i = random.Next(weights[parameter].Length);
            const double h = 1e-6;
            double Total(double delta)
            {
                var copy = weights.ToDictionary(w => w.Key, w => (double[])w.Value.Clone());
                copy[parameter][i] += delta;
                var nets = new PlainNets(copy);
                return Images.Sum(x => Unlabelled(oracle, nets, x));
            }
            var numeric = (Total(h) - Total(-h)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradients[parameter][i]) < 1e-6 * Math.Max(1, Math.Abs(numeric)),
                $"{parameter}[{i}]: autograd {gradients[parameter][i]:G10}, finite difference {numeric:G10}");
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Unlabelled_bound_is_below_the_exact_log_evidence(string name)
    {
        var (module, model, oracle) = Create(name);
        var nets = new PlainNets(module);
        var bound = model.UnlabelledBound(X()).data<double>().ToArray();

        for (var n = 0; n < Images.Length; n++)
        {
            var logEvidence = Math.Log(Assignments(oracle.Sizes).Sum(a => Math.Exp(oracle.LogJoint(nets, Images[n], a))));
            Assert.True(bound[n] <= logEvidence + 1e-12);
        }
    }
}
