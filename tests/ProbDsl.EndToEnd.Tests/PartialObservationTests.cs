using System;
using System.Linq;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>A per-example mask gives each row the bound of its own case, and gradients flow to both kinds.</summary>
public class PartialObservationTests
{
    [Fact]
    public void Masked_batch_equals_the_labelled_and_unlabelled_bounds_of_its_rows()
    {
        manual_seed(3);
        var model = new TinyMain();
        model.to(float64);
        var x = PlainNets.AsTensor(PlainNets.AllBinaryImages(4));
        var labels = tensor(Enumerable.Range(0, 16).Select(i => (long)(i % 3)).ToArray());
        var observed = tensor(Enumerable.Range(0, 16).Select(i => i % 4 == 0).ToArray());

        var objective = PartialObservation.Objective(model, x, labels, observed, alpha: 0.5);

        var labelled = model.LabelledBound(x, labels) + 0.5 * ProbDsl.Inference.Distributions.Densities.CategoricalLogProb(labels, model.ClassLogits(x));
        var unlabelled = model.UnlabelledBound(x);
        var expected = where(observed, labelled, unlabelled);
        Assert.True(objective.allclose(expected, rtol: 0, atol: 1e-12));
        objective.sum().backward();
        Assert.All(model.parameters(), p => Assert.True(p.grad!.abs().sum().ToDouble() > 0));
    }
}
