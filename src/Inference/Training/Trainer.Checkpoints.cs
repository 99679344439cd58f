using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Models;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// Checkpoints that resume exactly. Each holds the weights, Adam's state (step count and both moments per
/// parameter), the global generator's state (initialisation and every draw of a bound), the shuffling and
/// binarisation generators' states, the epoch and step, the interrupted epoch's data order, labelled cursor and
/// running loss, the REINFORCE baselines, the relaxation temperature, the reports so far, a hash of the model and
/// the settings that change the numbers. Saving draws no random number, so a run that saves and one that does not
/// give the same numbers.
/// </summary>
public abstract partial class Trainer<TModel>
{
    private ModelIdentity? _identity;
    private SortedDictionary<string, string> _settings = new();
    private string? _checkpointPath;

    /// <summary>The checkpoint this run continued from; null for a fresh run.</summary>
    public string? ResumedFrom { get; private set; }

    /// <summary>Checkpoints passed over to find <see cref="ResumedFrom"/> in a directory (damaged, or of another model), with the reason.</summary>
    public IReadOnlyList<string> SkippedCheckpoints { get; private set; } = Array.Empty<string>();

    /// <summary>Where this run writes its checkpoints: the option, else where the resumed run wrote them; null for none.</summary>
    public string? CheckpointPath => _checkpointPath;

    /// <returns>The epoch to start with; <paramref name="resumed"/> is the interrupted epoch's state, if any.</returns>
    private int BeginRun(IEnumerable<KeyValuePair<string, string>> trainerSettings, EpochPlan plan, out EpochState? resumed)
    {
        _identity = ModelIdentity.Of(Model);
        _settings = RunSettings.Of(Options, trainerSettings);
        _checkpointPath = Options.CheckpointPath;
        resumed = null;
        return Options.ResumeFrom is { } from ? Resume(from, plan, out resumed) : 1;
    }

    private void SaveAtEpochEnd(int epoch)
    {
        if (_checkpointPath is not null)
            Save(_checkpointPath, epoch + 1, inEpoch: null);
    }

    private void SaveEveryNSteps(EpochState state)
    {
        if (_checkpointPath is not null && Options.CheckpointEverySteps > 0 && GlobalStep % Options.CheckpointEverySteps == 0)
            Save(_checkpointPath, state.Epoch, state);
    }

    /// <summary>
    /// Writes a checkpoint of the trainer as it stands between runs of its training loop (weights, Adam's state, the
    /// generators, the reports of the last run), atomically, as the loop writes its own; the file is not rotated
    /// (<see cref="TrainingOptions.KeepCheckpoints"/> applies to the loop's checkpoints only). It opens with
    /// <see cref="Checkpoint.LoadWeightsOfSameModel"/>; written after a run, it also continues that run with
    /// <see cref="TrainingOptions.ResumeFrom"/> (same settings, more epochs) from the epoch after its last.
    /// </summary>
    /// <exception cref="NonFiniteWeightsException">A weight is NaN or infinite; the file on disk is left as it was.</exception>
    public void SaveCheckpoint(string path)
    {
        _identity ??= ModelIdentity.Of(Model);
        Save(path, _reports.Count == 0 ? 1 : _reports[^1].Epoch + 1, inEpoch: null, rotate: false);
    }

    /// <exception cref="NonFiniteWeightsException">A weight is NaN or infinite; no checkpoint is touched.</exception>
    private void Save(string path, int epoch, EpochState? inEpoch, bool rotate = true)
    {
        if (FiniteWeights.FirstNonFinite(Model) is { } tensor)
            throw new NonFiniteWeightsException(tensor, path);
        var header = new CheckpointHeader
        {
            ModelHash = _identity!.Hash,
            ModelDescription = _identity.Description,
            Settings = _settings,
            BaseName = Path.GetFileName(path),
            Epoch = epoch,
            GlobalStep = GlobalStep,
            InEpoch = inEpoch is null ? null : new EpochPosition(inEpoch.StepsDone, inEpoch.Loss.Sum, inEpoch.Loss.Taken, inEpoch.Loss.Skipped, inEpoch.Labelled?.Position),
            Temperature = (Model as IRelaxedModel)?.Temperature,
            Baselines = ModelBaselines.Of(Model).Select(b => new BaselineState(b.Value, b.Started)).ToList(),
            Reports = _reports.ToList(),
        };
        if (rotate)
            CheckpointHistory.MakeRoom(path, Options.KeepCheckpoints);
        CheckpointFile.Write(path, header, writer => WriteTensors(writer, inEpoch));
    }

    private void WriteTensors(BinaryWriter writer, EpochState? inEpoch)
    {
        Model.save(writer);
        _optimizer.save_state_dict(writer);
        WriteArray(writer, RandomState.OfGlobal());
        WriteArray(writer, RandomState.Of(Shuffle));
        WriteArray(writer, RandomState.Of(PixelSampler));
        if (inEpoch is null)
            return;
        WriteArray(writer, inEpoch.Order.data<long>().ToArray());
        if (inEpoch.Labelled is { } labelled)
            WriteArray(writer, labelled.Order);
    }

    /// <exception cref="CheckpointException">No checkpoint there, or one of another model or other settings, or a damaged one.</exception>
    private int Resume(string from, EpochPlan plan, out EpochState? resumed)
    {
        var found = CheckpointLocator.Resolve(from, _identity!);
        using var tensors = found.Tensors;
        var header = found.Header;
        if (header.ModelHash != _identity!.Hash)
            throw new CheckpointException($"{found.Path}: a checkpoint of {header.ModelDescription}, but this run trains {_identity.Description}. " +
                "Resume with the model and guide it was trained with, or start afresh without resuming.");
        var differences = RunSettings.Differences(header.Settings, _settings);
        if (differences.Count > 0)
            throw new CheckpointException($"{found.Path}: written by a run with other settings ({string.Join("; ", differences)}). " +
                "Resume with the same settings, or start afresh without resuming.");
        try
        {
            resumed = Restore(header, tensors, plan);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException or InvalidOperationException)
        {
            throw new CheckpointException($"{found.Path}: the checkpoint cannot be restored ({e.Message}).", e);
        }
        _reports.AddRange(header.Reports);
        _checkpointPath ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(found.Path))!, header.BaseName);
        ResumedFrom = found.Path;
        SkippedCheckpoints = found.Skipped;
        return header.Epoch;
    }

    /// <summary>Puts everything back in the order <see cref="WriteTensors"/> wrote it.</summary>
    private EpochState? Restore(CheckpointHeader header, BinaryReader tensors, EpochPlan plan)
    {
        Model.load(tensors);
        _optimizer.load_state_dict(tensors);
        RandomState.RestoreGlobal(ReadArray<byte>(tensors));
        RandomState.Restore(Shuffle, ReadArray<byte>(tensors));
        RandomState.Restore(PixelSampler, ReadArray<byte>(tensors));
        var baselines = ModelBaselines.Of(Model);
        if (baselines.Count != header.Baselines.Count)
            throw new InvalidDataException($"{header.Baselines.Count} baselines saved, the model has {baselines.Count}");
        foreach (var (baseline, saved) in baselines.Zip(header.Baselines))
            baseline.Restore(saved.Value, saved.Started);
        if (Model is IRelaxedModel relaxed && header.Temperature is double temperature)
            relaxed.Temperature = temperature;
        GlobalStep = header.GlobalStep;
        if (header.InEpoch is not { } position)
            return null;
        var order = tensor(ReadArray<long>(tensors), int64);
        var labelled = position.LabelledPosition is long cursor
            ? (plan.ContinueLabelled ?? throw new InvalidDataException("a labelled cursor was saved, but this trainer has no labelled data"))(ReadArray<long>(tensors), cursor)
            : null;
        return new EpochState(header.Epoch, order, labelled, new EpochLoss(position.LossSum, position.LossTaken, position.LossSkipped), position.StepsDone);
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var values = new T[reader.ReadInt32()];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
            throw new EndOfStreamException("the checkpoint ends inside a saved array");
        return values;
    }
}
