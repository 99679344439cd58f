using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ProbDsl.Cli.Imaging;
using ProbDsl.Dsl.Ir;
using ProbDsl.Inference.Models;
using ProbDsl.Inference.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Measures;

/// <summary>
/// What <c>probdsl train</c> measures once after its last epoch, into the run directory: on the first ≤ 10,000 test
/// rows, E[z] of the guide's first continuous latent (<see cref="ISemiSupervisedModel.GuideMean"/>), its k-NN
/// accuracy, Ross's estimate of I(E[z]; y), its 2-D PCA projection (<see cref="RunMeasures.ProjectionFile"/>), the
/// accuracy of the model's own classifier argmax_y L(x, y) beside q(y|x)'s, and a class-conditional sample grid
/// (<see cref="RunMeasures.SamplesFile"/>, 8 draws of seed 0: the same draws for every run, enlarged to at least 280 pixels wide).
/// </summary>
internal static class LatentMeasures
{
    public const int MaxRows = 10_000;
    public const int GridDraws = 8;
    public const int GridMinWidth = 280;
    private const int Batch = 1000;

    /// <param name="noSamples">Why the run writes no sample grid (its data are not images), or null to write it.</param>
    public static RunMeasures Write(ISemiSupervisedModel model, ModelIr ir, DataSplit test, string directory, string? noSamples = null)
    {
        var module = (TorchSharp.torch.nn.Module)model;
        module.eval();
        var rows = (int)Math.Min(MaxRows, test.Count);
        var notAvailable = new Dictionary<string, string>();
        var measures = new RunMeasures { Rows = rows, NotAvailable = notAvailable };
        using (var scope = NewDisposeScope())
        {
            var labels = test.RequireLabels().narrow(0, 0, rows).to(int64);
            measures = measures with { LabelEntropy = MutualInformation.LabelEntropy(labels) };
            var (generative, guide) = GenerativeClassifier.Accuracies(model, test, rows);
            measures = measures with { GenerativeAccuracy = generative, GuideAccuracy = guide };
            measures = Latent(model, ir, test, rows, labels, directory, measures, notAvailable);
        }
        if (noSamples is null)
            measures = Samples(model, ir, directory, measures, notAvailable);
        else
            notAvailable["samples"] = noSamples;
        measures.Write(directory);
        return measures;
    }

    private static RunMeasures Latent(ISemiSupervisedModel model, ModelIr ir, DataSplit test, int rows, Tensor labels, string directory,
        RunMeasures measures, Dictionary<string, string> notAvailable)
    {
        string[] latentMeasures = ["knn_accuracy", "mutual_information", "projection"];
        if (model.ContinuousLatents.Count == 0)
        {
            foreach (var name in latentMeasures)
                notAvailable[name] = "the guide has no continuous latent";
            return measures;
        }
        var latent = model.ContinuousLatents[0];
        measures = measures with { Latent = latent, LatentSize = ir.FindVariable(latent)?.Size ?? 0 };
        Tensor means;
        try
        {
            means = GuideMeans(model, latent, test, rows);
        }
        catch (NotSupportedException e)
        {
            foreach (var name in latentMeasures)
                notAvailable[name] = $"E[{latent}] has no closed form under this guide ({e.Message})";
            return measures;
        }
        if (rows < 2)
        {
            foreach (var name in latentMeasures)
                notAvailable[name] = "fewer than two test rows";
            return measures;
        }
        var knn = KnnAccuracy.Of(means, labels, model.ClassCount);
        var information = MutualInformation.Ross(means, labels);
        var (first, second, explained) = Projection.Pca(means);
        WriteProjection(Path.Combine(directory, RunMeasures.ProjectionFile), first, second, labels.data<long>().ToArray());
        return measures with { KnnAccuracy = knn, MutualInformation = information, ProjectionExplained = explained };
    }

    /// <summary>E[latent | x] of the first rows, [rows, size], float64.</summary>
    private static Tensor GuideMeans(ISemiSupervisedModel model, string latent, DataSplit test, int rows)
    {
        using var noGrad = no_grad();
        var parts = new List<Tensor>();
        for (long start = 0; start < rows; start += Batch)
            parts.Add(model.GuideMean(latent, test.Features.narrow(0, start, Math.Min(Batch, rows - start))).to(float64));
        return cat(parts, 0);
    }

    private static RunMeasures Samples(ISemiSupervisedModel model, ModelIr ir, string directory, RunMeasures measures, Dictionary<string, string> notAvailable)
    {
        var sizes = model.ContinuousLatents.Select(name => (long)(ir.FindVariable(name)?.Size ?? 0)).ToList();
        try
        {
            var grid = ClassConditionalGrid.Render(model, sizes, GridDraws, seed: 0);
            ClassConditionalGrid.WritePng(Path.Combine(directory, RunMeasures.SamplesFile), ClassConditionalGrid.Enlarged(grid, GridMinWidth));
            return measures with { Samples = true };
        }
        catch (NotSupportedException e)
        {
            notAvailable["samples"] = e.Message;
            return measures;
        }
    }

    private static void WriteProjection(string path, double[] first, double[] second, long[] labels)
    {
        var text = new StringBuilder("pc1,pc2,class\n");
        for (var i = 0; i < first.Length; i++)
            text.Append(first[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(second[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(labels[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(path + ".tmp", text.ToString());
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
