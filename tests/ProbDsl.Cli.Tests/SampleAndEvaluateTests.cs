using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Tests;

/// <summary>Two small runs of `probdsl train` on the bars, shared by the tests of `sample` and `evaluate`.</summary>
public sealed class TrainedBars : IDisposable
{
    public TrainedBars()
    {
        Directory.CreateDirectory(Root);
        (X, Y) = BarsData.WriteNpy(Root, count: 2000, seed: 5);
        Bars = Train("bars.pdsl", "bars");
        Classes = Train("barsclasses.pdsl", "classes");
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "probdsl-cli-tests", Guid.NewGuid().ToString("N"));

    public string X { get; }

    public string Y { get; }

    /// <summary>bars.pdsl (a continuous z): its checkpoint.</summary>
    public string Bars { get; }

    /// <summary>barsclasses.pdsl (no continuous latent): its checkpoint.</summary>
    public string Classes { get; }

    /// <summary>The data options both runs used; evaluate is given the same.</summary>
    public string[] DataOptions => new[] { "--data", $"x={X}", "--label", $"y={Y}", "--labelled", "40", "--seed", "3" };

    private string Train(string model, string name)
    {
        var output = Path.Combine(Root, name);
        var (code, _, error) = Cli.Run(new[] { "train", Cli.Model(model) }.Concat(DataOptions)
            .Concat(new[] { "--epochs", "5", "--batch-size", "100", "--learning-rate", "0.01", "--threads", "1", "--out", output }).ToArray());
        Assert.True(code == 0, error);
        return Path.Combine(output, "model.bin");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>`probdsl sample` writes a class-conditional PNG grid; `probdsl evaluate` reproduces the run's final report.</summary>
public class SampleAndEvaluateTests : TempDirectoryTest, IClassFixture<TrainedBars>
{
    private readonly TrainedBars _runs;

    public SampleAndEvaluateTests(TrainedBars runs) => _runs = runs;

    private static double Number(string output, string label)
    {
        var match = Regex.Match(output, $"^{Regex.Escape(label)}: (\\S+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no '{label}' line in:\n{output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Evaluate_prints_the_final_reports_error_exactly_and_its_ELBO_up_to_the_draw_of_z()
    {
        var final = Checkpoint.ReadReports(_runs.Bars)[^1];

        var (code, output, error) = Cli.Run(new[] { "evaluate", Cli.Model("bars.pdsl"), "--checkpoint", _runs.Bars }.Concat(_runs.DataOptions).ToArray());

        Assert.True(code == 0, error);
        Assert.Contains("model Bars, guide MeanField", output);
        Assert.Matches(@"test error: \S+ \(\d+\.\d\d%; accuracy \d+\.\d\d%\)", output);
        Assert.Contains("test rows: 200", output);
        Assert.Equal(final.TestError, Number(output, "test error"));
        // One draw of z per test image, here and in training: the means differ by the Monte Carlo error alone.
        Assert.InRange(Number(output, "test ELBO") - final.TestElbo!.Value, -0.5, 0.5);
    }

    [Fact]
    public void Evaluate_of_a_model_without_continuous_latents_prints_the_final_test_ELBO_to_the_last_digit()
    {
        var final = Checkpoint.ReadReports(_runs.Classes)[^1];

        var (code, output, error) = Cli.Run(new[] { "evaluate", Cli.Model("barsclasses.pdsl"), "--checkpoint", _runs.Classes }.Concat(_runs.DataOptions).ToArray());

        Assert.True(code == 0, error);
        Assert.Equal(final.TestElbo!.Value, Number(output, "test ELBO"));
        Assert.Equal(final.TestError, Number(output, "test error"));
    }

    [Fact]
    public void Sample_writes_a_PNG_of_classes_by_draws_with_4x4_tiles_and_a_line_between()
    {
        var png = Path.Combine(TempDirectory, "grid.png");

        var (code, output, error) = Cli.Run("sample", Cli.Model("bars.pdsl"), "--checkpoint", _runs.Bars, "--out", png, "--per-class", "3", "--seed", "7");

        Assert.True(code == 0, error);
        Assert.Contains("4 classes (columns) × 3 draws of z (rows), 4×4 pixels each, seed 7", output);
        var (width, height, pixels) = ReadGrayscalePng(File.ReadAllBytes(png));
        Assert.Equal((4 * 4 + 3, 3 * 4 + 2), (width, height));
        Assert.Equal(96, pixels[0 * width + 4]); // the line between the first two tiles
        // The class is which row of the bars is lit: in column c, tile row c is the brightest.
        for (var c = 0; c < 4; c++)
        {
            var brightest = Enumerable.Range(0, 4).OrderByDescending(row => Enumerable.Range(0, 4).Sum(col => pixels[row * width + c * 5 + col])).First();
            Assert.Equal(c, brightest);
        }

        var again = Path.Combine(TempDirectory, "again.png");
        Assert.Equal(0, Cli.Run("sample", Cli.Model("bars.pdsl"), "--checkpoint", _runs.Bars, "--out", again, "--per-class", "3", "--seed", "7").ExitCode);
        Assert.Equal(File.ReadAllBytes(png), File.ReadAllBytes(again));
    }

    [Fact]
    public void Bad_requests_exit_2_with_one_line_naming_the_option_and_model_errors_exit_1()
    {
        var png = Path.Combine(TempDirectory, "grid.png");
        (int Code, string Error) Sample(params string[] args)
        {
            var (code, _, error) = Cli.Run(new[] { "sample" }.Concat(args).ToArray());
            return (code, error);
        }

        var missing = Sample(Cli.Model("bars.pdsl"), "--checkpoint", Path.Combine(TempDirectory, "none.bin"), "--out", png);
        Assert.Equal(2, missing.Code);
        Assert.StartsWith("error: --checkpoint ", missing.Error);
        Assert.Contains("none.bin: no such file", missing.Error);

        var notCheckpoint = Sample(Cli.Model("bars.pdsl"), "--checkpoint", Cli.Model("bars.pdsl"), "--out", png);
        Assert.Equal(2, notCheckpoint.Code);
        Assert.Equal($"error: --checkpoint {Cli.Model("bars.pdsl")}: not a ProbDsl training checkpoint.", notCheckpoint.Error.Trim());

        var other = Sample(Cli.Model("barsclasses.pdsl"), "--checkpoint", _runs.Bars, "--out", png);
        Assert.Equal(2, other.Code);
        Assert.Contains("holds the weights of Bars / MeanField", other.Error);

        var zero = Sample(Cli.Model("bars.pdsl"), "--checkpoint", _runs.Bars, "--out", png, "--per-class", "0");
        Assert.Equal(2, zero.Code);
        Assert.Contains("--per-class must be positive; got 0", zero.Error);

        var noDirectory = Sample(Cli.Model("bars.pdsl"), "--checkpoint", _runs.Bars, "--out", Path.Combine(TempDirectory, "no", "grid.png"));
        Assert.Equal(2, noDirectory.Code);
        Assert.Contains("does not exist", noDirectory.Error);

        var broken = Sample(Cli.Model("broken.pdsl"), "--checkpoint", _runs.Bars, "--out", png);
        Assert.Equal(1, broken.Code);
        Assert.False(File.Exists(png));

        var (code, _, error) = Cli.Run(new[] { "evaluate", Cli.Model("bars.pdsl"), "--checkpoint", _runs.Bars }.ToArray());
        Assert.Equal(2, code);
        Assert.Contains("--data", error);
    }

    /// <summary>Width, height and the pixels of an 8-bit grayscale PNG with unfiltered rows; checks every chunk's CRC.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadGrayscalePng(byte[] file)
    {
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, file[..8]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < file.Length;)
        {
            var length = BigEndian(file, at);
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file[(at + 8)..(at + 8 + length)];
            Assert.Equal(Crc(file[(at + 4)..(at + 8 + length)]), (uint)BigEndian(file, at + 8 + length));
            if (type == "IHDR")
            {
                (width, height) = (BigEndian(data, 0), BigEndian(data, 4));
                Assert.Equal(new byte[] { 8, 0, 0, 0, 0 }, data[8..13]);
            }
            if (type == "IDAT")
                idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        Assert.Equal(height * (width + 1), bytes.Length);
        var pixels = new byte[width * height];
        for (var row = 0; row < height; row++)
        {
            Assert.Equal(0, bytes[row * (width + 1)]);
            Array.Copy(bytes, row * (width + 1) + 1, pixels, row * width, width);
        }
        return (width, height, pixels);
    }

    private static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];

    /// <summary>CRC-32 as zlib computes it, written out independently of the tool's.</summary>
    private static uint Crc(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }
}
