using System.Text.Json;
using CcapBot.Diagnostics;
using CcapBot.Localization;
using CcapBot.Persistence;
using CcapBot.Protocol;
using CcapBot.Protocol.Connector;
using CcapBot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CcapBot.Conversations;

/// <summary>
/// Runs a turn: de-duplicate, serialise per conversation, load the sender's member row, route, commit
/// state + de-duplication mark + feature writes in one SaveChanges (optimistic concurrency: a lost race
/// re-runs the turn on fresh state), then send the buffered replies.
/// </summary>
public sealed partial class TurnPipeline(
    IServiceScopeFactory scopes,
    RouteTable routes,
    ConversationLocks locks,
    IConnectorClient connector,
    TimeProvider clock,
    Localizer text,
    IOptions<TurnOptions> options,
    ILogger<TurnPipeline> log) : IActivityProcessor
{
    private const int MaxAttempts = 5;

    public async Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var scope = log.BeginScope(new TurnScope(activity.Type, activity.Id, activity.ChannelId, activity.Conversation?.Id));
        Telemetry.ActivitiesReceived.Add(1);

        if (!RouteTable.IsTurnType(activity.Type) || activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.From?.Id is not { Length: > 0 } || activity.Recipient?.Id is not { Length: > 0 } || activity.ServiceUrl is not { Length: > 0 })
        {
            LogIgnored(log, activity.Type);
            return activity.Type == ActivityTypes.Invoke ? NotImplemented() : null;
        }
        // The bot's own echo (some channels send the bot's messages back) is not a turn.
        if (activity.From.Id == activity.Recipient.Id) return null;

        using var held = await locks.AcquireAsync(activity.ChannelId + "|" + conversationId, cancellationToken);
        using var typing = StartTypingIndicator(activity);

        for (var attempt = 1; ; attempt++)
        {
            await using var turnScope = scopes.CreateAsyncScope();
            var db = turnScope.ServiceProvider.GetRequiredService<CcapDbContext>();
            TurnContext? turn = null;
            try
            {
                // A re-delivered activity is caught by the processed-activity key at commit, which re-runs the turn:
                // only then is it looked up. The first attempt costs one read (the member row) and one write.
                var duplicate = attempt == 1 ? null : await FindProcessedAsync(db, activity, cancellationToken);
                if (duplicate is not null)
                {
                    LogDuplicate(log, activity.Id);
                    return duplicate.InvokeStatus is { } status ? new InvokeResponse(status, ParseBody(duplicate.InvokeBody)) : null;
                }

                var member = await LoadMemberAsync(db, activity, cancellationToken);
                turn = new TurnContext(activity, member, clock.GetUtcNow());
                await RouteAsync(turn, turnScope.ServiceProvider, cancellationToken);
                MarkProcessed(db, turn);
                member.Version++;
                await db.SaveChangesAsync(cancellationToken);
                // A feature that needed generated ids mid-turn saved inside a transaction it opened: it commits here,
                // with the rest of the turn, or rolls back with the scope on a conflict.
                if (db.Database.CurrentTransaction is { } transaction) await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts)
            {
                // Another turn (another instance, or a re-delivery) committed first: run again on fresh state.
                LogConflict(log, attempt, e is DbUpdateConcurrencyException ? "version" : "key");
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogTurnFailed(log, e);
                Telemetry.HandlerErrors.Add(1);
                // A feature's mid-turn save left the turn's transaction open (on SQLite, holding the write lock):
                // undo it before recovering in a scope of its own.
                if (db.Database.CurrentTransaction is { } open) await open.DisposeAsync();
                return await RecoverAsync(activity, cancellationToken);
            }

            await DeliverAsync(turn, cancellationToken);
            return turn.InvokeResponse ?? (activity.Type == ActivityTypes.Invoke ? NotImplemented() : null);
        }
    }

    private async Task RouteAsync(TurnContext turn, IServiceProvider services, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Type == ActivityTypes.InstallationUpdate && activity.Action is "remove" or "remove-upgrade"
            || activity.Type == ActivityTypes.ConversationUpdate && activity.MembersRemoved?.Any(m => m.Id == activity.Recipient!.Id) == true)
        {
            turn.Member.Active = false;
            await DeactivateConversationAsync(services.GetRequiredService<CcapDbContext>(), activity, cancellationToken);
            return;
        }

        if (turn.Member.WelcomedAt is null && IsFirstContact(activity) && routes.FirstContactHandler is { } welcome)
        {
            await Run(welcome);
            turn.Member.WelcomedAt = turn.Now;
        }

        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == CardInvoke.AdaptiveCardAction:
                (turn.Verb, turn.SubmitData) = CardInvoke.ReadExecute(activity.Value);
                if (routes.ForVerb(turn.Verb) is { } verbHandler) await Run(verbHandler);
                turn.InvokeResponse ??= CardInvoke.Error(400, "BadRequest", "This card action is not recognised.");
                break;
            case ActivityTypes.Invoke:
                if (routes.ForInvoke(activity.Name) is { } invokeHandler) await Run(invokeHandler);
                break;
            case ActivityTypes.Message when activity.Value is { ValueKind: JsonValueKind.Object } value:
                (turn.Verb, turn.SubmitData) = CardInvoke.ReadSubmit(value);
                if (routes.ForVerb(turn.Verb) is { } submitHandler) await Run(submitHandler);
                break;
            case ActivityTypes.Message:
                if (routes.MessageHandler is { } messageHandler) await Run(messageHandler);
                break;
        }

        Task Run(Type handler) => ((IActivityHandler)services.GetRequiredService(handler)).HandleAsync(turn, cancellationToken);
    }

    private static bool IsFirstContact(Activity activity) => activity.Type switch
    {
        ActivityTypes.Message or ActivityTypes.Invoke => true,
        ActivityTypes.InstallationUpdate => activity.Action is "add",
        // The bot being added (personal install) or this user joining; never the bot's own entry alone in a group.
        ActivityTypes.ConversationUpdate => activity.MembersAdded?.Any(m => m.Id == activity.From!.Id
            || (m.Id == activity.Recipient!.Id && activity.Conversation?.IsGroup != true)) == true,
        _ => false,
    };

    private async Task<ConversationMember> LoadMemberAsync(CcapDbContext db, Activity activity, CancellationToken cancellationToken)
    {
        var channelId = activity.ChannelId ?? "";
        var conversationId = activity.Conversation!.Id!;
        var userId = activity.From!.Id!;
        var now = clock.GetUtcNow();
        var member = await db.ConversationMembers.FindAsync([channelId, conversationId, userId], cancellationToken);
        if (member is null)
        {
            member = new ConversationMember
            {
                ChannelId = channelId, ConversationId = conversationId, UserId = userId,
                ServiceUrl = activity.ServiceUrl!, BotId = activity.Recipient!.Id!, FirstSeenAt = now,
            };
            db.ConversationMembers.Add(member);
        }
        // Every turn refreshes the reference: serviceUrl can move (Teams regions), names change.
        member.ServiceUrl = activity.ServiceUrl!;
        member.BotId = activity.Recipient!.Id!;
        member.BotName = activity.Recipient.Name ?? member.BotName;
        member.UserName = activity.From.Name ?? member.UserName;
        member.AadObjectId = activity.From.AadObjectId ?? member.AadObjectId;
        member.TenantId = activity.TenantId ?? member.TenantId;
        member.ConversationType = activity.Conversation.ConversationType ?? member.ConversationType;
        member.IsGroup = activity.Conversation.IsGroup ?? member.IsGroup;
        member.ClientLocale = activity.Locale ?? member.ClientLocale;
        member.ClientTimeZone = ClientTimeZone(activity) ?? member.ClientTimeZone;
        member.LastSeenAt = now;
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke || activity.Action == "add") member.Active = true;
        return member;
    }

    /// <summary>Teams sends the IANA zone as localTimezone and in the clientInfo entity.</summary>
    internal static string? ClientTimeZone(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.LocalTimezone)) return activity.LocalTimezone;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object && entity.TryGetProperty("type", out var type) && type.ValueEquals("clientInfo")
                && entity.TryGetProperty("timezone", out var zone) && zone.ValueKind == JsonValueKind.String)
                return zone.GetString();
        }
        return null;
    }

    private static Task<ProcessedActivity?> FindProcessedAsync(CcapDbContext db, Activity activity, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(activity.Id)
            ? Task.FromResult<ProcessedActivity?>(null)
            : db.ProcessedActivities.AsNoTracking().FirstOrDefaultAsync(p =>
                p.ChannelId == (activity.ChannelId ?? "") && p.ConversationId == activity.Conversation!.Id && p.ActivityId == activity.Id, cancellationToken);

    private static void MarkProcessed(CcapDbContext db, TurnContext turn)
    {
        if (string.IsNullOrEmpty(turn.Activity.Id)) return;
        db.ProcessedActivities.Add(new ProcessedActivity
        {
            ChannelId = turn.Activity.ChannelId ?? "",
            ConversationId = turn.Activity.Conversation!.Id!,
            ActivityId = turn.Activity.Id,
            ProcessedAt = turn.Now,
            InvokeStatus = turn.InvokeResponse?.Status,
            InvokeBody = turn.InvokeResponse?.Body?.GetRawText(),
        });
    }

    private static Task<int> DeactivateConversationAsync(CcapDbContext db, Activity activity, CancellationToken cancellationToken) =>
        db.ConversationMembers
            .Where(m => m.ChannelId == (activity.ChannelId ?? "") && m.ConversationId == activity.Conversation!.Id && m.UserId != activity.From!.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Active, false), cancellationToken);

    private async Task DeliverAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        foreach (var outgoing in turn.Outgoing)
        {
            try
            {
                if (outgoing.UpdateActivityId is { } id)
                    await connector.UpdateAsync(activity.ServiceUrl!, activity.Conversation!.Id!, id, outgoing.Activity, cancellationToken);
                else if (outgoing.Activity.ReplyToId is { } replyTo)
                    await connector.ReplyAsync(activity.ServiceUrl!, activity.Conversation!.Id!, replyTo, outgoing.Activity, cancellationToken);
                else
                    await connector.SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!, outgoing.Activity, cancellationToken);
            }
            catch (Exception e) when (e is ConnectorException or HttpRequestException or TaskCanceledException)
            {
                LogDeliveryFailed(log, e);
                if (e is ConnectorException { ReferenceIsGone: true }) await DeactivateMemberAsync(activity, cancellationToken);
                return;
            }
        }
    }

    private async Task DeactivateMemberAsync(Activity activity, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        await db.ConversationMembers
            .Where(m => m.ChannelId == (activity.ChannelId ?? "") && m.ConversationId == activity.Conversation!.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Active, false), cancellationToken);
    }

    /// <summary>
    /// A turn that threw: the user gets an apology and a usable state (the dialog is cleared, as the SDK's
    /// error handler does), and the activity counts as processed so a re-delivery does not throw again.
    /// </summary>
    private async Task<InvokeResponse?> RecoverAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
            var member = await LoadMemberAsync(db, activity, cancellationToken);
            member.DialogState = null;
            member.Version++;
            var turn = new TurnContext(activity, member, clock.GetUtcNow());
            var apology = text.Get(turn.Language, "Error.Apology");
            if (activity.Type == ActivityTypes.Invoke) turn.InvokeResponse = CardInvoke.Message(apology);
            else turn.SendText(apology);
            MarkProcessed(db, turn);
            await db.SaveChangesAsync(cancellationToken);
            await DeliverAsync(turn, cancellationToken);
            return turn.InvokeResponse;
        }
        catch (Exception e) when (e is DbUpdateException or ConnectorException or HttpRequestException)
        {
            LogTurnFailed(log, e);
            return activity.Type == ActivityTypes.Invoke ? CardInvoke.Error(500, "InternalError", "Sorry, something went wrong.") : null;
        }
    }

    private IDisposable? StartTypingIndicator(Activity activity)
    {
        if (!ShowsTyping(activity, options.Value.TypingDelay)) return null;
        var typing = new Activity
        {
            Type = ActivityTypes.Typing, ChannelId = activity.ChannelId, ServiceUrl = activity.ServiceUrl,
            Conversation = activity.Conversation, From = activity.Recipient, Recipient = activity.From,
        };
        return clock.CreateTimer(_ => _ = SendTypingAsync(typing), null, options.Value.TypingDelay, TimeSpan.FromSeconds(3));
    }

    /// <summary>
    /// "Typing…" is for messages only (invokes answer in the HTTP response), never in Teams channel threads
    /// (noise there, msteams-docs #1451), and only when a delay is configured.
    /// </summary>
    internal static bool ShowsTyping(Activity activity, TimeSpan delay) =>
        activity.Type == ActivityTypes.Message && activity.Conversation?.ConversationType != "channel" && delay > TimeSpan.Zero;

    private async Task SendTypingAsync(Activity typing)
    {
        try
        {
            await connector.SendAsync(typing.ServiceUrl!, typing.Conversation!.Id!, typing, CancellationToken.None);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or TaskCanceledException)
        {
            LogDeliveryFailed(log, e);
        }
    }

    private static InvokeResponse NotImplemented() => new(501, null);

    private static JsonElement? ParseBody(string? body) => body is null ? null : JsonDocument.Parse(body).RootElement.Clone();

    private sealed record TurnScope(string? ActivityType, string? ActivityId, string? ChannelId, string? ConversationId)
    {
        public override string ToString() => $"{ActivityType} {ActivityId} in {ChannelId}/{ConversationId}";
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Acknowledged {ActivityType} without a turn")]
    private static partial void LogIgnored(ILogger logger, string? activityType);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Activity {ActivityId} was already processed; ignoring the re-delivery")]
    private static partial void LogDuplicate(ILogger logger, string? activityId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "State conflict on attempt {Attempt} ({Kind}); re-running the turn on fresh state")]
    private static partial void LogConflict(ILogger logger, int attempt, string kind);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "The turn failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "A reply could not be delivered")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception);
}

public sealed class TurnOptions
{
    public const string SectionName = "Turns";

    /// <summary>Show "typing…" when a turn takes longer than this (zero: never).</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(800);
}
