using System.Data.Common;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CcapBot.Tests.Infrastructure;

/// <summary>
/// A SQL Server context that never connects: opening is suppressed and non-queries are recorded instead of run.
/// It shows the T-SQL the provider generates where no SQL Server is available.
/// </summary>
public sealed class OfflineSqlServer : DbCommandInterceptor
{
    public const string DummyConnectionString = "Server=offline.invalid;Database=CcapBot;Encrypt=true";

    private readonly List<string> _commands = [];

    public IReadOnlyList<string> Commands => _commands;

    public SqlServerCcapDbContext CreateContext() => new(new DbContextOptionsBuilder<SqlServerCcapDbContext>()
        .UseSqlServer(DummyConnectionString)
        .AddInterceptors(NoConnection.Instance, this)
        .Options);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        _commands.Add(command.CommandText);
        return InterceptionResult<int>.SuppressWithResult(0);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        new(NonQueryExecuting(command, eventData, result));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        throw new InvalidOperationException($"The offline SQL Server runs no queries: {command.CommandText}");

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"The offline SQL Server runs no queries: {command.CommandText}");

    private sealed class NoConnection : DbConnectionInterceptor
    {
        public static readonly NoConnection Instance = new();

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            new(InterceptionResult.Suppress());
    }
}
