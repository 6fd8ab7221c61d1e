namespace Scaling.Tests.Notebooks;

/// <summary>A code cell did not compile or threw; the message names the notebook, the cell and the cause.</summary>
public sealed class NotebookCellException : Exception
{
    public NotebookCellException(string notebook, int cellNumber, string message, Exception? inner = null)
        : base($"{notebook}, cell {cellNumber}: {message}", inner)
    {
        Notebook = notebook;
        CellNumber = cellNumber;
    }

    /// <summary>The notebook's file name.</summary>
    public string Notebook { get; }

    /// <summary>The cell's 1-based position among all the notebook's cells, as a reader counts them.</summary>
    public int CellNumber { get; }
}
