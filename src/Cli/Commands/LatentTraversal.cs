using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ProbDsl.Cli.Imaging;
using ProbDsl.Cli.Training;
using ProbDsl.Dsl.Ir;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Commands;

/// <summary>
/// <c>probdsl sample … --traverse z[:dims] [--range 3] [--steps 9] [--class K]</c>: a latent traversal. Row i varies
/// dimension dims[i] of the latent's standard-normal noise from −range to +range in <c>--steps</c> even steps (the
/// columns; one step is noise 0); every other noise value — the latent's other dimensions and every other continuous
/// latent — is fixed at 0, the prior's centre, so the rows differ only in the dimension they vary. The label is
/// <c>--class</c> for every tile; each tile is the mean of p(x | y, ·) (GenerateMean), laid out by the sample grid.
/// </summary>
internal sealed class LatentTraversal
{
    /// <summary>Steps per row at most: 1,000 28×28 tiles are already a 29,000-pixel-wide image.</summary>
    public const int MaxSteps = 1000;

    private readonly Option<string?> _traverse = new("--traverse")
    {
        Description = "A latent traversal instead of draws: LATENT or LATENT:DIMS (0-based, e.g. z:0,3 or z:0-4; all dimensions by default); one row per dimension, its noise from -range to +range across the columns, all other noise 0.",
    };

    private readonly Option<double> _range = new("--range") { Description = "With --traverse: the noise of each row goes from -RANGE to +RANGE.", DefaultValueFactory = _ => 3 };

    private readonly Option<int> _steps = new("--steps") { Description = $"With --traverse: the columns, evenly spaced (at most {MaxSteps}; 1 gives noise 0).", DefaultValueFactory = _ => 9 };

    private readonly Option<int> _class = new("--class") { Description = "With --traverse: the class every tile is generated for (0-based).", DefaultValueFactory = _ => 0 };

    /// <summary>Adds the options to <c>probdsl sample</c>; <paramref name="perClass"/> and <paramref name="seed"/> are refused with --traverse.</summary>
    public LatentTraversal(Command sample, Option<int> perClass, Option<int> seed)
    {
        foreach (var option in new Option[] { _traverse, _range, _steps, _class })
            sample.Options.Add(option);
        OptionRules.PositiveNumber(_range);
        OptionRules.Positive(_steps);
        _steps.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() > MaxSteps)
                r.AddError($"{_steps.Name} must be at most {MaxSteps}; got {r.GetValueOrDefault<int>()}.");
        });
        _class.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
                r.AddError($"{_class.Name} must be a class index, 0 or more; got {r.GetValueOrDefault<int>()}.");
        });
        _traverse.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && Parse(text, out _) is { } error)
                r.AddError($"{_traverse.Name} {text}: {error}");
        });
        sample.Validators.Add(result =>
        {
            var traversing = result.GetResult(_traverse) is { Implicit: false };
            foreach (var option in new Option[] { _range, _steps, _class })
                if (!traversing && result.GetResult(option) is { Implicit: false })
                    result.AddError($"{option.Name} is an option of --traverse; add --traverse LATENT.");
            foreach (var option in new Option[] { perClass, seed })
                if (traversing && result.GetResult(option) is { Implicit: false })
                    result.AddError($"{option.Name} draws random rows; a traversal (--traverse) draws none: leave it out.");
        });
    }

    public bool IsRequested(ParseResult parsed) => parsed.GetValue(_traverse) is not null;

    /// <summary>LATENT or LATENT:DIMS with DIMS a comma list of indices and ranges (0-4); null when well-formed.</summary>
    private static string? Parse(string text, out (string Latent, IReadOnlyList<int>? Dims) parsed)
    {
        parsed = default;
        var colon = text.IndexOf(':');
        var latent = (colon < 0 ? text : text[..colon]).Trim();
        if (latent.Length == 0)
            return "name a continuous latent, e.g. --traverse z or --traverse z:0,2.";
        if (colon < 0)
        {
            parsed = (latent, null);
            return null;
        }
        var dims = new List<int>();
        foreach (var part in text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', 1 < part.Length ? 1 : 0);
            if (dash > 0 && Index(part[..dash]) is int from && Index(part[(dash + 1)..]) is int to && from <= to)
                dims.AddRange(Enumerable.Range(from, to - from + 1));
            else if (Index(part) is int single)
                dims.Add(single);
            else
                return $"'{part}' is not a dimension (0-based) or a range of them (0-4).";
        }
        if (dims.Distinct().Count() != dims.Count)
            return "a dimension is listed twice.";
        parsed = (latent, dims);
        return null;
    }

    private static int? Index(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Checks the request against the model, generates the tiles and writes the PNG.</summary>
    /// <exception cref="UserError">No such continuous latent or dimension, a class out of range, or the data do not depend on the latent.</exception>
    public void Write(TrainedModel trained, ParseResult parsed, string path, Terminal terminal)
    {
        var model = trained.SemiSupervised
            ?? throw new UserError($"model {trained.Model.Name} has no label: sample draws class-conditional grids, for models with a 'label' variable.");
        Parse(parsed.GetValue(_traverse)!, out var request);
        var latents = model.ContinuousLatents;
        var index = latents.ToList().IndexOf(request.Latent);
        if (index < 0)
            throw new UserError($"--traverse {request.Latent}: not a continuous latent of {model.Name}; " +
                (latents.Count == 0 ? "it has none." : $"its continuous latents are {string.Join(", ", latents)}."));
        if (!DataDependsOn(trained.Model, request.Latent))
            throw new UserError($"--traverse {request.Latent}: the model's data do not depend on {request.Latent} (p({trained.Data.Data.Name} | ·) does not read it), so every tile would be the same.");
        var size = trained.Model.FindVariable(request.Latent)!.Size;
        var dims = request.Dims ?? Enumerable.Range(0, size).ToList();
        if (dims.FirstOrDefault(d => d >= size, -1) is var bad and >= 0)
            throw new UserError($"--traverse {request.Latent}:{bad}: {request.Latent} has {size} dimension(s), 0 to {size - 1}.");
        var classIndex = parsed.GetValue(_class);
        if (classIndex >= model.ClassCount)
            throw new UserError($"--class {classIndex}: {model.Name} has {model.ClassCount} classes, 0 to {model.ClassCount - 1}.");
        var range = parsed.GetValue(_range);
        var steps = parsed.GetValue(_steps);

        var means = Generate(model, trained.Model, index, dims, range, steps, classIndex);
        var (width, height, pixels) = SampleGrid.Render(means, dims.Count, steps, model.DataSize);
        using (var file = File.Create(path))
            PngWriter.Write(file, width, height, pixels);
        var side = SampleGrid.TileSide(model.DataSize);
        var values = steps == 1 ? "noise 0" : FormattableString.Invariant($"noise -{range} to +{range} in {steps} steps (columns)");
        terminal.Output.WriteLine($"wrote {path}: {width}×{height} pixels; class {classIndex}; {request.Latent} dimension(s) {string.Join(", ", dims)} (rows), {values}, all other noise 0, {side}×{side} tiles");
    }

    /// <summary>The tiles' means, row-major: tile (i, j) is dims[i] at step j. One GenerateMean call for all of them.</summary>
    private static float[] Generate(Inference.Models.ISemiSupervisedModel model, ModelIr ir, int latent, IReadOnlyList<int> dims, double range, int steps, int classIndex)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var tiles = dims.Count * steps;
        var values = steps == 1 ? zeros(1) : linspace(-range, range, steps);
        var noise = model.ContinuousLatents.Select(name => zeros(tiles, ir.FindVariable(name)!.Size)).ToList();
        for (var i = 0; i < dims.Count; i++)
            noise[latent].narrow(0, (long)i * steps, steps).select(1, dims[i]).copy_(values);
        var generated = model.GenerateMean(full(tiles, classIndex, dtype: int64), noise);
        return generated.to(float32).contiguous().data<float>().ToArray();
    }

    /// <summary>Whether p(data | ·) reads <paramref name="latent"/>, directly or through the priors of what it reads.</summary>
    private static bool DataDependsOn(ModelIr model, string latent)
    {
        var data = model.Variables.First(v => v.Role == VariableRole.Data).Name;
        var seen = new HashSet<string>();
        var pending = new Stack<string>(model.FindFactor(data)?.Conditions ?? Enumerable.Empty<string>());
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name))
                continue;
            foreach (var condition in model.FindFactor(name)?.Conditions ?? Enumerable.Empty<string>())
                pending.Push(condition);
        }
        return seen.Contains(latent);
    }
}
