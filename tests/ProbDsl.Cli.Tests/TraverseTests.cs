using System;
using System.IO;
using System.Linq;
using ProbDsl.Cli.Imaging;
using ProbDsl.Cli.Training;
using static TorchSharp.torch;

namespace ProbDsl.Cli.Tests;

/// <summary>`probdsl sample --traverse z[:dims]`: one row per dimension of z's noise, one column per step, for one class.</summary>
public class TraverseTests : TempDirectoryTest, IClassFixture<TrainedBars>
{
    private readonly TrainedBars _runs;

    public TraverseTests(TrainedBars runs) => _runs = runs;

    private (int Code, string Output, string Error) Sample(params string[] args) =>
        Cli.Run(new[] { "sample", Cli.Model("bars.pdsl"), "--checkpoint", _runs.Bars }.Concat(args).ToArray());

    private static (int Width, int Height) Size(byte[] png) => (BigEndian(png, 16), BigEndian(png, 20));

    private static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];

    [Fact]
    public void A_traversal_has_a_row_per_dimension_and_a_column_per_step()
    {
        var png = Path.Combine(TempDirectory, "traverse.png");

        var (code, output, error) = Sample("--out", png, "--traverse", "z", "--range", "2", "--steps", "5", "--class", "2");

        Assert.True(code == 0, error);
        // 5 columns and 3 rows (z : Normal[3]) of 4×4 tiles with a 1-pixel line between.
        Assert.Equal((5 * 4 + 4, 3 * 4 + 2), Size(File.ReadAllBytes(png)));
        Assert.Contains("class 2; z dimension(s) 0, 1, 2 (rows), noise -2 to +2 in 5 steps (columns), all other noise 0", output);

        var some = Path.Combine(TempDirectory, "some.png");
        Assert.Equal(0, Sample("--out", some, "--traverse", "z:0,2", "--steps", "3").Code);
        Assert.Equal((3 * 4 + 2, 2 * 4 + 1), Size(File.ReadAllBytes(some)));
        var range = Path.Combine(TempDirectory, "range.png");
        Assert.Equal(0, Sample("--out", range, "--traverse", "z:1-2").Code);
        Assert.Equal((9 * 4 + 8, 2 * 4 + 1), Size(File.ReadAllBytes(range)));
    }

    [Fact]
    public void With_one_step_the_image_is_the_class_conditional_sample_at_zero_noise()
    {
        var png = Path.Combine(TempDirectory, "one.png");

        var (code, _, error) = Sample("--out", png, "--traverse", "z:1", "--steps", "1", "--class", "3");

        Assert.True(code == 0, error);
        using var writer = new StringWriter();
        using var trained = TrainedModel.Load(Cli.Model("bars.pdsl"), null, null, hoisting: true, infer: null, _runs.Bars, new Terminal(writer, writer))!;
        float[] mean;
        using (no_grad())
            mean = trained.SemiSupervised!.GenerateMean(tensor(new long[] { 3 }), new[] { zeros(1, 3) }).data<float>().ToArray();
        var (width, height, pixels) = SampleGrid.Render(mean, 1, 1, 16);
        using var expected = new MemoryStream();
        PngWriter.Write(expected, width, height, pixels);
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(png));
    }

    [Fact]
    public void Bad_traversals_exit_2_with_one_line_naming_the_option()
    {
        var png = Path.Combine(TempDirectory, "bad.png");
        void Refused(string expected, params string[] args)
        {
            var (code, _, error) = Sample(new[] { "--out", png }.Concat(args).ToArray());
            Assert.Equal(2, code);
            Assert.Contains(expected, error);
            Assert.False(File.Exists(png));
        }

        Refused("--traverse w: not a continuous latent of Bars / MeanField; its continuous latents are z.", "--traverse", "w");
        Refused("--traverse z:3: z has 3 dimension(s), 0 to 2.", "--traverse", "z:3");
        Refused("--traverse z:a: 'a' is not a dimension", "--traverse", "z:a");
        Refused("--class 4: Bars / MeanField has 4 classes, 0 to 3.", "--traverse", "z", "--class", "4");
        Refused("--steps must be positive; got 0.", "--traverse", "z", "--steps", "0");
        Refused("--steps is an option of --traverse", "--steps", "3");
        Refused("--per-class draws random rows", "--traverse", "z", "--per-class", "2");
    }
}
