namespace ProbDsl.Datasets;

/// <summary>How pixel bytes (0–255) become the Bernoulli targets a model sees.</summary>
public enum PixelEncoding
{
    /// <summary>Intensities scaled to [0, 1] (byte / 255), used as soft Bernoulli targets (as Pyro's SS-VAE does).</summary>
    Intensity,

    /// <summary>Thresholded at 0.5 (byte ≥ 128) to exactly 0 or 1, the same image every epoch.</summary>
    Binarized,

    /// <summary>
    /// Dynamic binarisation (Salakhutdinov &amp; Murray 2008; the usual protocol for VAEs on MNIST): training images
    /// keep their intensities and each pixel is drawn as Bernoulli(intensity) every time the image is used, so the
    /// classifier never sees the same binary image twice. The test set is thresholded at 0.5 (see
    /// <see cref="MnistTensors.TestEncoding"/>).
    /// </summary>
    Dynamic,
}
