using System.Globalization;
using System.Text;
using System.Text.Json;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CcapBot.Conversations.Outbox;

public sealed partial class OutboxWriter
{
    /// <summary>
    /// Inserts many new messages in ONE statement, at once (not at the caller's SaveChanges): the rows travel as a
    /// single JSON parameter (SQLite json_each, SQL Server OPENJSON) and a key already taken is skipped in SQL.
    /// For schedulers that enqueue thousands of rows per run: EF's SQLite provider sends one command per added
    /// row, which would make a run's command count grow with its messages. Run it inside the caller's
    /// transaction so the rows commit with the caller's other writes.
    /// </summary>
    /// <returns>How many rows were inserted.</returns>
    public async Task<int> InsertManyAsync(CcapDbContext db, IReadOnlyList<OutboxRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requests);
        var rows = new List<OutboxMessage>(requests.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            Validate(request);
            if (keys.Add(request.IdempotencyKey)) rows.Add(Row(request.IdempotencyKey, request.Target, request.Activity, request.DueAt, request.Topic, updateActivityId: null, updateOfKey: null));
        }
        if (rows.Count == 0) return 0;

        var sqlServer = db.Database.IsSqlServer();
        var payload = Payload(rows, sqlServer);
        var sql = sqlServer ? SqlServerInsert(db) : SqliteInsert(db);
        return await db.Database.ExecuteSqlRawAsync(sql, [payload], cancellationToken);
    }

    private static void Validate(OutboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        if (request.IdempotencyKey.Length > MaxKeyLength) throw new ArgumentException($"An idempotency key is at most {MaxKeyLength} characters.", nameof(request));
        if (request.Target.ConversationId is null && !(request.Target.ChannelId == Channels.MsTeams && request.Target.UserId is { Length: > 0 } && request.Target.TenantId is { Length: > 0 }))
            throw new ArgumentException("A target without a conversation must be a Teams user with a tenant (OutboxTarget.TeamsUser).", nameof(request));
    }

    // Short property names keep the parameter small; instants are UTC ticks for SQLite (how its context stores
    // them) and ISO 8601 for SQL Server's datetimeoffset.
    private static readonly (string Json, string Property)[] Columns =
    [
        ("k", nameof(OutboxMessage.IdempotencyKey)), ("ch", nameof(OutboxMessage.ChannelId)), ("su", nameof(OutboxMessage.ServiceUrl)),
        ("b", nameof(OutboxMessage.BotId)), ("cv", nameof(OutboxMessage.ConversationId)), ("u", nameof(OutboxMessage.UserId)),
        ("tn", nameof(OutboxMessage.TenantId)), ("a", nameof(OutboxMessage.Activity)), ("cr", nameof(OutboxMessage.CreatedAt)),
        ("d", nameof(OutboxMessage.DueAt)), ("t", nameof(OutboxMessage.Topic)),
    ];

    private static string Payload(List<OutboxMessage> rows, bool sqlServer)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the payload is a SQL parameter, never HTML; quotes as \" keep it half the size.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("k", row.IdempotencyKey);
                json.WriteString("ch", row.ChannelId);
                json.WriteString("su", row.ServiceUrl);
                json.WriteString("b", row.BotId);
                json.WriteString("cv", row.ConversationId);
                json.WriteString("u", row.UserId);
                json.WriteString("tn", row.TenantId);
                json.WriteString("a", row.Activity);
                Instant(json, "cr", row.CreatedAt, sqlServer);
                Instant(json, "d", row.DueAt, sqlServer);
                json.WriteString("t", row.Topic);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Instant(Utf8JsonWriter json, string name, DateTimeOffset value, bool sqlServer)
    {
        if (sqlServer) json.WriteString(name, value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        else json.WriteNumber(name, value.UtcTicks);
    }

    private static string SqliteInsert(CcapDbContext db)
    {
        var (table, columns, sql) = Names(db);
        var values = string.Join(", ", Columns.Select(c => $"json_extract(r.value, '$.{c.Json}')"));
        var key = sql.DelimitIdentifier(columns[nameof(OutboxMessage.IdempotencyKey)]);
        return $"""
            INSERT INTO {table} ({string.Join(", ", Columns.Select(c => sql.DelimitIdentifier(columns[c.Property])))}, {sql.DelimitIdentifier(columns[nameof(OutboxMessage.Status)])}, {sql.DelimitIdentifier(columns[nameof(OutboxMessage.Attempts)])})
            SELECT {values}, {(int)OutboxStatus.Pending}, 0
            FROM json_each({"{0}"}) AS r
            WHERE NOT EXISTS (SELECT 1 FROM {table} AS m WHERE m.{key} = json_extract(r.value, '$.k'))
            """;
    }

    private static string SqlServerInsert(CcapDbContext db)
    {
        var (table, columns, sql) = Names(db);
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var with = string.Join(", ", Columns.Select(c => $"{c.Json} {entity.FindProperty(c.Property)!.GetColumnType()} '$.{c.Json}'"));
        var key = sql.DelimitIdentifier(columns[nameof(OutboxMessage.IdempotencyKey)]);
        // UPDLOCK/HOLDLOCK: two inserts of the same key serialise on the key range instead of one failing.
        return $"""
            INSERT INTO {table} ({string.Join(", ", Columns.Select(c => sql.DelimitIdentifier(columns[c.Property])))}, {sql.DelimitIdentifier(columns[nameof(OutboxMessage.Status)])}, {sql.DelimitIdentifier(columns[nameof(OutboxMessage.Attempts)])})
            SELECT {string.Join(", ", Columns.Select(c => "r." + c.Json))}, {(int)OutboxStatus.Pending}, 0
            FROM OPENJSON({"{0}"}) WITH ({with}) AS r
            WHERE NOT EXISTS (SELECT 1 FROM {table} AS m WITH (UPDLOCK, HOLDLOCK) WHERE m.{key} = r.k)
            """;
    }

    private static (string Table, Dictionary<string, string> Columns, ISqlGenerationHelper Sql) Names(CcapDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage)) ?? throw new InvalidOperationException("OutboxMessage is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties().ToDictionary(p => p.Name, p => p.GetColumnName(), StringComparer.Ordinal);
        return (sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema()), columns, sql);
    }
}
