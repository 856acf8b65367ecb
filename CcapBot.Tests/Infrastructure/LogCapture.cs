using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CcapBot.Tests.Infrastructure;

/// <summary>Collects what the app logs, so a test can check why something happened (e.g. why a token was refused).</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];
    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        // The app's own categories from Debug (e.g. why a token was refused); the framework's only when it warns.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= (category.StartsWith("CcapBot", StringComparison.Ordinal) ? LogLevel.Debug : LogLevel.Warning);
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner._entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), exception));
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception = null)
{
    public override string ToString() => $"{Level} {Category}[{EventId}]: {Message} {Exception}";
}
