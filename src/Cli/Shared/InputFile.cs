using System.Text;

namespace Scaling.Cli.Shared;

/// <summary>
/// A file the user named for a command to read (a runs CSV, a law JSON, a catalog, a registry, a config.json), with
/// where it was named and what it should hold. Every read is bounded by <see cref="FileKind.MaxBytes"/> and, line by
/// line, by <see cref="FileKind.MaxLineLength"/>; a file that is missing, a directory, unreadable or too large throws
/// <see cref="InputFileException"/>, which <see cref="CliErrors"/> words.
/// </summary>
/// <param name="Origin">The option that named the file (<c>--runs</c>), or null for a positional argument.</param>
/// <param name="Path">The path as the user gave it.</param>
/// <param name="Kind">What the file should hold and how much of it is read.</param>
internal sealed record InputFile(string? Origin, string Path, FileKind Kind)
{
    /// <summary>The whole file as text (UTF-8, or the encoding its byte-order mark names).</summary>
    public string ReadText()
    {
        using var reader = new StreamReader(new BoundedStream(Open(), this), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The file parsed by <paramref name="parse"/> as it streams in, line by line (memory grows with what is kept).</summary>
    public T Read<T>(Func<TextReader, string, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        using var reader = new BoundedLineReader(new StreamReader(new BoundedStream(Open(), this), Encoding.UTF8, detectEncodingFromByteOrderMarks: true), this);
        return parse(reader, Path);
    }

    private FileStream Open()
    {
        if (Directory.Exists(Path))
        {
            throw new InputFileException(this, InputFileProblem.Directory);
        }

        try
        {
            return new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputFileException(this, InputFileProblem.Missing, inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputFileException(this, InputFileProblem.Denied, inner: e);
        }
        catch (IOException e)
        {
            throw new InputFileException(this, InputFileProblem.Unreadable, inner: e);
        }
    }

    // Throws once more than the kind's bytes were read; turns a read failure into the file's own error.
    private sealed class BoundedStream(Stream inner, InputFile file) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n;
            try
            {
                n = inner.Read(buffer);
            }
            catch (IOException e)
            {
                throw new InputFileException(file, InputFileProblem.Unreadable, inner: e);
            }

            read += n;
            return read > file.Kind.MaxBytes ? throw new InputFileException(file, InputFileProblem.TooLarge) : n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    // Lines of at most FileKind.MaxLineLength characters: a file of NUL bytes or one enormous line is refused at the
    // line where it passes the bound instead of growing one string without end.
    private sealed class BoundedLineReader(TextReader inner, InputFile file) : TextReader
    {
        private readonly StringBuilder line = new();
        private int lines;

        public override int Peek() => inner.Peek();

        public override int Read() => inner.Read();

        public override string? ReadLine()
        {
            line.Clear();
            int c = inner.Read();
            if (c == -1)
            {
                return null;
            }

            lines++;
            while (c != -1 && c != '\n')
            {
                if (c == '\r')
                {
                    if (inner.Peek() == '\n')
                    {
                        inner.Read();
                    }

                    break;
                }

                if (line.Length == FileKind.MaxLineLength)
                {
                    throw new InputFileException(file, InputFileProblem.LineTooLong, lines);
                }

                line.Append((char)c);
                c = inner.Read();
            }

            return line.ToString();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
