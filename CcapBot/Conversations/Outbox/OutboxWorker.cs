using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Diagnostics;
using CcapBot.Persistence;
using CcapBot.Protocol.Connector;
using CcapBot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CcapBot.Conversations.Outbox;

/// <summary>
/// Sends due outbox rows. Each batch claims rows with a lease in one statement (so two instances never hold the
/// same row), sends them one by one and marks each right after its send, so only the row in flight can be
/// "sent but not marked" if the process dies; that row is sent again once its lease expires (the Connector API
/// has no idempotency key, so this window is narrowed, not closed). A graceful stop finishes the row in flight
/// and hands the rest of the batch back at once.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxWorker> log) : BackgroundService
{
    private const string PersonalConversation = "personal";
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(log);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
                if (clock.GetUtcNow() >= _nextPrune)
                {
                    await PruneAsync(stoppingToken);
                    _nextPrune = clock.GetUtcNow() + settings.PruneInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database is unreachable or busy, or a row hit a bug: the worker must outlive it, the rows wait.
                LogBatchFailed(log, e);
            }

            if (claimed >= settings.BatchSize) continue;
            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Claims and sends one batch of due rows; answers how many were claimed. Public for tests that drive the worker.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        var now = clock.GetUtcNow();

        // A read first: an idle poll must not take SQLite's write lock.
        if (!await db.OutboxMessages.AnyAsync(Claimable(now), cancellationToken)) return 0;

        var owner = $"{Environment.MachineName}/{Guid.NewGuid():N}";
        var leaseUntil = now + settings.LeaseDuration;
        if (await ClaimAsync(db, now, owner, leaseUntil, settings.BatchSize, cancellationToken) == 0) return 0;

        try
        {
            var rows = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.LeaseOwner == owner && m.Status == OutboxStatus.Pending)
                .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
                .ToListAsync(cancellationToken);
            var scoped = new Batch(db, scope.ServiceProvider.GetRequiredService<IConnectorClient>(), owner);
            foreach (var row in rows)
            {
                if (cancellationToken.IsCancellationRequested) break;
                // Never start a send that could outlive the lease: the row might be another worker's by then.
                if (clock.GetUtcNow() + settings.SendTimeout > leaseUntil)
                {
                    LogLeaseRunningOut(log, owner);
                    break;
                }
                await ProcessAsync(scoped, row, cancellationToken);
            }
            return rows.Count;
        }
        finally
        {
            // Rows not reached go back at once rather than after the lease (stop, lease running out, failure).
            await ReleaseAsync(db, owner);
        }
    }

    /// <summary>Deletes inbound de-duplication marks older than the retention; answers how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        var cutoff = clock.GetUtcNow() - options.Value.ProcessedActivityRetention;
        var deleted = await db.ProcessedActivities.Where(p => p.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) LogPruned(log, deleted);
        return deleted;
    }

    /// <summary>
    /// One statement claims the batch. The outer filter repeats the conditions so that, where the database lets two
    /// claims race (SQL Server re-reads a locked row before updating it), the loser skips the row.
    /// </summary>
    internal static Task<int> ClaimAsync(CcapDbContext db, DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int batchSize, CancellationToken cancellationToken)
    {
        var batch = db.OutboxMessages.Where(Claimable(now)).OrderBy(m => m.DueAt).ThenBy(m => m.Id).Take(batchSize).Select(m => m.Id);
        return db.OutboxMessages
            .Where(Claimable(now))
            .Where(m => batch.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, owner).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
    }

    private static Expression<Func<OutboxMessage, bool>> Claimable(DateTimeOffset now) =>
        m => m.Status == OutboxStatus.Pending && m.DueAt <= now && (m.LeaseUntil == null || m.LeaseUntil <= now);

    private async Task ProcessAsync(Batch batch, OutboxMessage row, CancellationToken cancellationToken)
    {
        Activity activity;
        try
        {
            activity = JsonSerializer.Deserialize(row.Activity, ProtocolJsonContext.Default.Activity) ?? throw new JsonException("The stored activity is null.");
        }
        catch (JsonException e)
        {
            await DeadAsync(batch, row, row.Attempts, $"Unreadable activity: {e.Message}", statusCode: null);
            return;
        }

        var delivery = await ResolveAsync(batch, row, cancellationToken);
        if (delivery is null) return;

        // From the first Connector call on, nothing is cancelled by a stop: the row is finished and marked.
        var conversationId = delivery.ConversationId;
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.SendTimeout, clock);
            var serviceUrl = delivery.ServiceUrl;
            if (conversationId is null) (conversationId, serviceUrl) = await OpenConversationAsync(batch, row, timeout.Token);
            var addressed = activity with
            {
                ServiceUrl = serviceUrl,
                ChannelId = row.ChannelId,
                Conversation = new ConversationAccount { Id = conversationId, TenantId = row.TenantId },
            };
            ResourceResponse response;
            if (delivery.UpdateActivityId is { } updateId)
                response = await batch.Connector.UpdateAsync(serviceUrl, conversationId, updateId, addressed, timeout.Token);
            else if (addressed.ReplyToId is { } replyTo)
                response = await batch.Connector.ReplyAsync(serviceUrl, conversationId, replyTo, addressed, timeout.Token);
            else
                response = await batch.Connector.SendAsync(serviceUrl, conversationId, addressed, timeout.Token);
            await MarkSentAsync(batch, row, response.Id ?? delivery.UpdateActivityId, conversationId, serviceUrl);
        }
        catch (ConnectorException e)
        {
            if (conversationId is not null && IsConversationGone(e, isUpdate: delivery.UpdateActivityId is not null)) await DeactivateAsync(batch, row.ChannelId, conversationId);
            if (OutboxRetry.IsTransient(e.StatusCode)) await RetryAsync(batch, row, e.Message, e.StatusCode, e.RetryAfter);
            else await DeadAsync(batch, row, row.Attempts + 1, e.Message, e.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or ConversationNotCreatedException)
        {
            // Network failure or timeout: the request may or may not have reached the channel; try again later.
            await RetryAsync(batch, row, e.Message, statusCode: null, retryAfter: null);
        }
    }

    /// <summary>
    /// 403 (blocked, uninstalled, removed from the roster) or 404 ends the conversation for the bot; but a 404 to an
    /// update usually means only that the activity is gone (ActivityNotFoundInConversation), not the conversation.
    /// </summary>
    private static bool IsConversationGone(ConnectorException e, bool isUpdate) =>
        e.ReferenceIsGone && !(isUpdate && e.StatusCode == 404 && e.Code != "ConversationNotFound");

    /// <summary>Where and how the row goes; null when it was settled without sending (postponed, dead, superseded).</summary>
    private async Task<Delivery?> ResolveAsync(Batch batch, OutboxMessage row, CancellationToken cancellationToken)
    {
        var delivery = new Delivery(row.ServiceUrl, row.ConversationId, row.UpdateActivityId);
        if (row.UpdateOfKey is { } key)
        {
            var original = await batch.Db.OutboxMessages.AsNoTracking()
                .Where(m => m.IdempotencyKey == key)
                .Select(m => new { m.Status, m.SentActivityId, m.ConversationId, m.ServiceUrl, m.DueAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (original is { Status: OutboxStatus.Pending })
            {
                // Not sent yet: wait for it rather than spend attempts.
                var after = original.DueAt > clock.GetUtcNow() ? original.DueAt : clock.GetUtcNow();
                await SettleAsync(batch, row, s => s.SetProperty(m => m.DueAt, after + options.Value.PollInterval));
                LogWaitingForOriginal(log, row.Id);
                return null;
            }
            if (original is not { Status: OutboxStatus.Sent, SentActivityId: { } sentId, ConversationId: { } sentIn })
            {
                await DeadAsync(batch, row, row.Attempts, $"The message '{key}' to update was not delivered.", statusCode: null);
                return null;
            }
            delivery = new Delivery(original.ServiceUrl, sentIn, sentId);
        }

        if (delivery.ConversationId is { } conversationId)
        {
            // The channel may have moved the conversation since the row was written; every turn records where it is now.
            var current = await batch.Db.ConversationMembers.AsNoTracking()
                .Where(m => m.ChannelId == row.ChannelId && m.ConversationId == conversationId)
                .OrderByDescending(m => m.LastSeenAt)
                .Select(m => m.ServiceUrl)
                .FirstOrDefaultAsync(cancellationToken);
            if (current is not null) delivery = delivery with { ServiceUrl = current };
        }

        if (delivery.UpdateActivityId is not null)
        {
            // Updates of one activity may be retried out of order; an older one must not overwrite a newer one.
            var newer = row.UpdateOfKey is { } updateOf
                ? batch.Db.OutboxMessages.Where(m => m.UpdateOfKey == updateOf)
                : batch.Db.OutboxMessages.Where(m => m.UpdateOfKey == null && m.UpdateActivityId == row.UpdateActivityId && m.ConversationId == row.ConversationId);
            if (await newer.AnyAsync(m => m.Id > row.Id && m.Status == OutboxStatus.Sent, cancellationToken))
            {
                await SettleAsync(batch, row, s => s.SetProperty(m => m.Status, OutboxStatus.Superseded));
                LogSuperseded(log, row.Id);
                return null;
            }
        }
        return delivery;
    }

    /// <summary>The 1:1 conversation with a Teams user: a stored one, else created (Teams answers the existing id if there is one).</summary>
    private async Task<(string ConversationId, string ServiceUrl)> OpenConversationAsync(Batch batch, OutboxMessage row, CancellationToken cancellationToken)
    {
        var userId = row.UserId ?? throw new ConversationNotCreatedException("The row has neither a conversation nor a user.");
        var stored = await batch.Db.ConversationMembers.AsNoTracking()
            .Where(m => m.ChannelId == row.ChannelId && m.UserId == userId && m.BotId == row.BotId && m.Active && !m.IsGroup
                && (m.ConversationType == null || m.ConversationType == PersonalConversation))
            .OrderByDescending(m => m.LastSeenAt)
            .Select(m => new { m.ConversationId, m.ServiceUrl })
            .FirstOrDefaultAsync(cancellationToken);
        string conversationId, serviceUrl;
        if (stored is not null)
        {
            (conversationId, serviceUrl) = (stored.ConversationId, stored.ServiceUrl);
        }
        else
        {
            var created = await batch.Connector.CreateConversationAsync(row.ServiceUrl, new ConversationParameters
            {
                IsGroup = false,
                Bot = new ChannelAccount { Id = row.BotId },
                Members = [new ChannelAccount { Id = userId }],
                ChannelData = TenantChannelData(row.TenantId),
                TenantId = row.TenantId,
            }, cancellationToken);
            conversationId = created.Id is { Length: > 0 } id ? id : throw new ConversationNotCreatedException("Create conversation answered no conversation id.");
            serviceUrl = created.ServiceUrl is { Length: > 0 } moved ? moved : row.ServiceUrl;
            await StoreConversationAsync(batch, row, userId, conversationId, serviceUrl);
            LogConversationCreated(log, row.Id);
        }
        // Kept on the row, so a retry (or a later update of this message) goes to the same conversation.
        await batch.Db.OutboxMessages.Where(m => m.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ConversationId, conversationId).SetProperty(m => m.ServiceUrl, serviceUrl), CancellationToken.None);
        return (conversationId, serviceUrl);
    }

    /// <summary>The new conversation becomes a stored reference like any other, so features and later rows reuse it.</summary>
    private async Task StoreConversationAsync(Batch batch, OutboxMessage row, string userId, string conversationId, string serviceUrl)
    {
        var now = clock.GetUtcNow();
        try
        {
            var member = await batch.Db.ConversationMembers.FindAsync([row.ChannelId, conversationId, userId], CancellationToken.None);
            if (member is null)
            {
                batch.Db.ConversationMembers.Add(new ConversationMember
                {
                    ChannelId = row.ChannelId, ConversationId = conversationId, UserId = userId,
                    ServiceUrl = serviceUrl, BotId = row.BotId, TenantId = row.TenantId,
                    ConversationType = PersonalConversation, IsGroup = false, FirstSeenAt = now, LastSeenAt = now,
                });
            }
            else
            {
                // Creating it succeeded, so the app is installed for the user again.
                member.Active = true;
                member.ServiceUrl = serviceUrl;
                member.Version++;
            }
            await batch.Db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException e)
        {
            // A turn of the same user stored it first; theirs is fresher.
            LogMemberNotStored(log, e);
        }
        finally
        {
            batch.Db.ChangeTracker.Clear();
        }
    }

    private static JsonElement TenantChannelData(string? tenantId)
    {
        using var document = JsonDocument.Parse(new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } }.ToJsonString());
        return document.RootElement.Clone();
    }

    private async Task MarkSentAsync(Batch batch, OutboxMessage row, string? sentActivityId, string conversationId, string serviceUrl)
    {
        var now = clock.GetUtcNow();
        try
        {
            // Where it went is kept too: an update of this row (UpdateOfKey) goes to the same place.
            await SettleAsync(batch, row, s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.SentActivityId, sentActivityId)
                .SetProperty(m => m.ConversationId, conversationId)
                .SetProperty(m => m.ServiceUrl, serviceUrl)
                .SetProperty(m => m.Attempts, row.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null), evenIfLeaseLost: true);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // The one window the lease cannot close: delivered but not recorded, so it may be sent again.
            LogMarkFailed(log, e, row.Id);
            throw;
        }
        Telemetry.OutboxSent.Add(1);
        LogSent(log, row.Id, row.Topic);
    }

    private async Task RetryAsync(Batch batch, OutboxMessage row, string error, int? statusCode, TimeSpan? retryAfter)
    {
        var settings = options.Value;
        var attempts = row.Attempts + 1;
        if (attempts >= settings.MaxAttempts)
        {
            await DeadAsync(batch, row, attempts, $"Gave up after {attempts} attempts: {error}", statusCode);
            return;
        }
        var dueAt = clock.GetUtcNow() + OutboxRetry.Delay(attempts, retryAfter, settings, Random.Shared.NextDouble());
        await SettleAsync(batch, row, s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.DueAt, dueAt)
            .SetProperty(m => m.LastError, Truncate(error)));
        Telemetry.OutboxFailed.Add(1, new KeyValuePair<string, object?>("outcome", "retry"));
        LogRetrying(log, row.Id, statusCode, attempts, dueAt);
    }

    private async Task DeadAsync(Batch batch, OutboxMessage row, int attempts, string error, int? statusCode)
    {
        await SettleAsync(batch, row, s => s
            .SetProperty(m => m.Status, OutboxStatus.Dead)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, Truncate(error)));
        Telemetry.OutboxFailed.Add(1, new KeyValuePair<string, object?>("outcome", "dead"));
        LogDead(log, row.Id, statusCode, row.Topic);
    }

    private async Task DeactivateAsync(Batch batch, string channelId, string conversationId)
    {
        var deactivated = await batch.Db.ConversationMembers
            .Where(m => m.ChannelId == channelId && m.ConversationId == conversationId && m.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Active, false), CancellationToken.None);
        LogDeactivated(log, deactivated);
    }

    /// <summary>
    /// Writes the row's outcome and gives up its lease. Never cancelled: the outcome must be recorded. Only a
    /// delivery is recorded even if the lease was lost (it happened); other outcomes yield to the new holder.
    /// </summary>
    private static Task<int> SettleAsync(Batch batch, OutboxMessage row, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> outcome, bool evenIfLeaseLost = false) =>
        batch.Db.OutboxMessages
            .Where(m => m.Id == row.Id && (evenIfLeaseLost || m.LeaseOwner == batch.Owner))
            .ExecuteUpdateAsync(s =>
            {
                outcome(s);
                s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null);
            }, CancellationToken.None);

    private async Task ReleaseAsync(CcapDbContext db, string owner)
    {
        try
        {
            await db.OutboxMessages
                .Where(m => m.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // The lease runs out by itself.
            LogBatchFailed(log, e);
        }
    }

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];

    private sealed record Batch(CcapDbContext Db, IConnectorClient Connector, string Owner);

    private sealed record Delivery(string ServiceUrl, string? ConversationId, string? UpdateActivityId);

    private sealed class ConversationNotCreatedException(string message) : Exception(message);

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "The outbox worker is disabled (Outbox:Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Outbox message {OutboxId} sent (topic {Topic})")]
    private static partial void LogSent(ILogger logger, long outboxId, string? topic);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Outbox message {OutboxId} failed ({StatusCode}) on attempt {Attempt}; retrying at {DueAt}")]
    private static partial void LogRetrying(ILogger logger, long outboxId, int? statusCode, int attempt, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Outbox message {OutboxId} is dead ({StatusCode}, topic {Topic})")]
    private static partial void LogDead(ILogger logger, long outboxId, int? statusCode, string? topic);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "The channel no longer accepts the conversation; {Count} stored reference(s) deactivated")]
    private static partial void LogDeactivated(ILogger logger, int count);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "An outbox batch failed; the rows wait for the next poll")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Outbox message {OutboxId} was delivered but could not be marked sent; it may be sent again")]
    private static partial void LogMarkFailed(ILogger logger, Exception exception, long outboxId);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Created a Teams 1:1 conversation for outbox message {OutboxId}")]
    private static partial void LogConversationCreated(ILogger logger, long outboxId);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Pruned {Count} inbound de-duplication mark(s)")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Lease {LeaseOwner} is running out; the rest of the batch is handed back")]
    private static partial void LogLeaseRunningOut(ILogger logger, string leaseOwner);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Debug, Message = "Outbox update {OutboxId} superseded by a newer update of the same activity")]
    private static partial void LogSuperseded(ILogger logger, long outboxId);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Debug, Message = "Outbox update {OutboxId} waits for the message it updates")]
    private static partial void LogWaitingForOriginal(ILogger logger, long outboxId);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Debug, Message = "A turn stored the new conversation first")]
    private static partial void LogMemberNotStored(ILogger logger, Exception exception);
}
