using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using ProbDsl.Cli.Imaging;
using ProbDsl.Cli.Training;

namespace ProbDsl.Cli.Commands;

/// <summary>
/// <c>probdsl sample FILE --guide G --checkpoint PATH --out grid.png [--per-class N] [--seed S]</c>: a class-conditional
/// grid from a checkpoint <c>probdsl train</c> wrote (Kingma et al. 2014, Fig. 1) — one row per draw of the continuous
/// latents, the same draw across the row, one column per class; each tile the mean of p(x | y, z)
/// (<see cref="Inference.Models.ISemiSupervisedModel.GenerateMean"/>).
/// </summary>
internal static class SampleCommand
{
    /// <summary>Rows of the grid at most: 1,000 rows of 28×28 tiles are already a 29,000-pixel-high image.</summary>
    public const int MaxPerClass = 1000;

    public static Command Create(Terminal terminal)
    {
        var common = new CommonOptions();
        var checkpoint = new Option<string>("--checkpoint") { Description = "The checkpoint probdsl train wrote (model.bin in its --out directory).", Required = true };
        var output = new Option<string>("--out") { Description = "The PNG file to write.", Required = true };
        var perClass = new Option<int>("--per-class") { Description = $"Draws of the continuous latents: the grid's rows, each the same draw for every class (at most {MaxPerClass}).", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Seed of the draws.", DefaultValueFactory = _ => 0 };
        var infer = new Option<string?>("--infer") { Description = "NAME=STRATEGY, as given to probdsl train (it may add parameters, e.g. a learned baseline)." };

        var command = new Command("sample", "Write a class-conditional grid of samples (rows: draws of the latents; columns: classes) from a trained checkpoint as a PNG; with --traverse, a latent traversal (rows: dimensions; columns: noise values).");
        common.AddTo(command, withModelAndGuide: true);
        foreach (var option in new Option[] { checkpoint, output, perClass, seed, infer })
            command.Options.Add(option);
        OptionRules.Positive(perClass);
        perClass.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() > MaxPerClass)
                r.AddError($"{perClass.Name} must be at most {MaxPerClass}; got {r.GetValueOrDefault<int>()}.");
        });
        var traversal = new LatentTraversal(command, perClass, seed); // --traverse, --range, --steps, --class

        command.SetAction(parsed => CliApp.Guard(terminal, () =>
        {
            var path = parsed.GetValue(output)!;
            CheckOutput(path);
            using var trained = TrainedModel.Load(parsed.GetValue(common.File)!, parsed.GetValue(common.Model), parsed.GetValue(common.Guide),
                !parsed.GetValue(common.NoHoisting), parsed.GetValue(infer), parsed.GetValue(checkpoint)!, terminal);
            if (trained is null)
                return ExitCodes.ModelErrors;
            if (traversal.IsRequested(parsed))
            {
                traversal.Write(trained, parsed, path, terminal);
                return ExitCodes.Success;
            }
            Write(trained, path, parsed.GetValue(perClass), parsed.GetValue(seed), terminal);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Before anything is compiled or loaded: the PNG's directory must exist and the path must not be a directory.</summary>
    private static void CheckOutput(string path)
    {
        if (Directory.Exists(path))
            throw new UserError($"--out {path}: a directory; give the path of the PNG file to write.");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
            throw new UserError($"--out {path}: the directory {directory} does not exist.");
    }

    private static void Write(TrainedModel trained, string path, int draws, int seed, Terminal terminal)
    {
        var model = trained.SemiSupervised
            ?? throw new UserError($"model {trained.Model.Name} has no label: sample draws class-conditional grids, for models with a 'label' variable.");
        var classes = model.ClassCount;
        var size = model.DataSize;
        var sizes = model.ContinuousLatents.Select(name => (long)trained.Model.FindVariable(name)!.Size).ToList();
        (int Width, int Height, byte[] Pixels) grid;
        try
        {
            grid = ClassConditionalGrid.Render(model, sizes, draws, seed);
        }
        catch (NotSupportedException e)
        {
            throw new UserError(e.Message);
        }
        ClassConditionalGrid.WritePng(path, grid);
        var (width, height) = (grid.Width, grid.Height);
        var side = SampleGrid.TileSide(size);
        var shape = side * side == size ? $"{side}×{side} pixels" : $"{size} values in {side}×{side} tiles";
        terminal.Output.WriteLine($"wrote {path}: {width}×{height} pixels; {classes} classes (columns) × {draws} draws of {string.Join(", ", model.ContinuousLatents.DefaultIfEmpty("no latent"))} (rows), {shape} each, seed {seed}");
    }
}
