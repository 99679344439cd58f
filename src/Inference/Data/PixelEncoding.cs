namespace ProbDsl.Inference.Data;

/// <summary>How pixel bytes (0–255) become the Bernoulli targets a model sees.</summary>
public enum PixelEncoding
{
    /// <summary>Intensities scaled to [0, 1] (byte / 255), used as soft Bernoulli targets (as Pyro's SS-VAE does).</summary>
    Intensity,

    /// <summary>Thresholded at 0.5 (byte ≥ 128) to exactly 0 or 1, as in Kingma et al.'s binarised MNIST.</summary>
    Binarized,
}
