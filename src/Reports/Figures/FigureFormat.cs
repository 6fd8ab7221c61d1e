namespace Scaling.Reports.Figures;

/// <summary>The file formats a figure exports to.</summary>
public enum FigureFormat
{
    /// <summary>Raster, 1600×1000 pixels by default.</summary>
    Png,

    /// <summary>Vector, for the web and notebooks.</summary>
    Svg,

    /// <summary>Vector, for print.</summary>
    Pdf,
}
