using System;
using System.CommandLine;
using ProbDsl.Dsl.Printing;
using ProbDsl.Examples.Common;
using ProbDsl.Inference.Training;
using ProbDsl.Models;

namespace ProbDsl.Examples.M2Fluent;

/// <summary>The example's command line and run; public so that tests can walk its options in process.</summary>
public static class M2FluentCommand
{
    public static int Run(string[] args)
    {
        var epochs = new Option<int>("--epochs") { Description = "Train this many epochs on real MNIST (0: only explain the guides).", DefaultValueFactory = _ => 0 };
        var guide = new ChoiceOption<Func<TrainingOptions, SemiSupervisedData, int>>("--guide", "Structured (q(z|x,y) q(y|x)) or MeanField (q(z|x) q(y|x)).",
            FluentTraining.Guides, FluentTraining.Guides["Structured"]);
        var labels = new Option<int>("--labels") { Description = "Labelled training examples (a multiple of 10).", DefaultValueFactory = _ => 3000 };
        var dataDir = DataDirOption.Create();
        OptionRules.Check(epochs, value => value < 0 ? $"--epochs must be 0 (only explain the guides) or positive; got {value}." : null);
        OptionRules.Check(labels, value => value <= 0 || value % 10 != 0 || value > 60_000
            ? $"--labels must be a positive multiple of 10 (one tenth per class), at most 60000; got {value}." : null);

        var root = new RootCommand("Kingma et al.'s M2 declared with the ProbDsl fluent API.") { epochs, guide.Option, labels, dataDir };
        root.SetAction(parsed => UserErrors.Report(() =>
        {
            Console.WriteLine(M2Structured.GuideExplanation);
            Console.WriteLine(M2MeanField.GuideExplanation);
            Console.WriteLine("The same chain run now, printed as .pdsl:");
            Console.WriteLine(PdslPrinter.Print(M2Definition.M2().Build()));
            var settings = new FluentTraining.Settings(parsed.GetValue(epochs), guide.Read(parsed), parsed.GetValue(labels), parsed.GetValue(dataDir));
            return settings.Epochs <= 0 ? 0 : FluentTraining.Run(settings);
        }));
        return CommandLine.Run(root, args);
    }
}
