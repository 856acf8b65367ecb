using System.Globalization;
using System.Text.Json;
using CcapBot.Conversations;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Matching;
using CcapBot.Localization;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;

namespace CcapBot.Features.Review;

/// <summary>
/// Approve or Return on a review card. Only a coordinator decides; anyone else (a forged or forwarded card) is told
/// so and nothing changes. An item is decided once: a late press on another copy changes nothing and says who
/// decided and when; two presses at the same moment cannot both win (the status is a concurrency token, so the
/// second turn re-runs and finds it decided). A decision replaces every coordinator's copy of the card in place and
/// tells the applicant; approving a learning application also sends coordinators its mentor suggestions, in the same
/// unit of work.
/// </summary>
public sealed partial class ReviewHandler(
    CcapDbContext db,
    ActorResolver actors,
    ReviewRequests reviews,
    ReviewCards cards,
    SuggestionCards suggestions,
    Localizer text,
    ILogger<ReviewHandler> log) : IActivityHandler
{
    public const int MaxReasonLength = 2000;

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = turn.Language;
        var approve = turn.Verb == ReviewVerbs.Approve;
        var data = turn.SubmitData is { ValueKind: JsonValueKind.Object } d ? d : default;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (!actor.IsCoordinator)
        {
            LogRefused(log, turn.Verb);
            Answer(turn, text.Get(language, "Review.NotCoordinator"));
            return;
        }

        var subject = ReviewItem.Parse(String(data, "subject"));
        var item = subject is { } s && Int(data, "id") is { } id ? await ReviewItem.LoadAsync(db, s, id, cancellationToken) : null;
        if (item is null)
        {
            Answer(turn, text.Get(language, "Review.NotFound"));
            return;
        }
        if (String(data, "round") != item.Round || item.Status != ReviewStatus.Submitted)
        {
            // Decided already (or an earlier round's card): nothing changes; say who decided, and when.
            LogAlreadyDecided(log, item.Subject, item.Id);
            var (status, _) = cards.Status(item, language, turn.TimeZone);
            Answer(turn, item.Status == ReviewStatus.Submitted ? text.Get(language, "Review.OutOfDate") : text.Format(language, "Review.AlreadyDecided", status));
            return;
        }

        var reason = String(data, "reason")?.Trim();
        if (!approve && string.IsNullOrEmpty(reason))
        {
            Answer(turn, text.Get(language, "Review.ReasonRequired"));
            return;
        }
        if (reason is { Length: > MaxReasonLength })
        {
            Answer(turn, text.Format(language, "Field.Error.TooLong", MaxReasonLength));
            return;
        }

        var reviewer = actor.Name is { Length: > 0 } name ? name : actor.UserId;
        item.Decide(approve, reviewer, turn.Now, approve ? null : reason);
        Audit.Record(db, actor, turn.Now, $"{ReviewItem.Name(item.Subject)}.{(approve ? "approved" : "returned")}", item.Subject == ReviewSubject.Registration ? nameof(Domain.Registration) : nameof(Application), item.Id,
            reason is null ? null : AuditDetails.Of(("reason", reason)));
        await reviews.CloseAsync(item, cancellationToken);
        await reviews.NotifyApplicantAsync(item, cancellationToken);
        if (approve && item.Application is { Kind: ApplicationKind.Learning } learning)
        {
            // Ranking saves the suggestions for their ids: inside the turn's transaction, so the decision and the
            // suggestions commit together or not at all.
            await TurnSave.SaveForIdsAsync(db, cancellationToken);
            await suggestions.SendAsync(db, learning.Id, cancellationToken);
        }
        LogDecided(log, item.Subject, item.Id, approve);

        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            // Teams: the pressed card turns into the decided one at once (the outbox updates every other copy).
            turn.InvokeResponse = CardInvoke.Card(await cards.ReviewAsync(item, language, turn.TimeZone, turn.SupportsUniversalActions, cancellationToken));
        }
        else
        {
            turn.SendText(text.Format(language, approve ? "Review.Done.Approved" : "Review.Done.Returned", cards.Title(item, language)));
        }
    }

    /// <summary>A short answer: in Teams as the invoke's message (the card stays), elsewhere as a reply.</summary>
    private static void Answer(TurnContext turn, string message)
    {
        if (turn.Activity.Type == ActivityTypes.Invoke) turn.InvokeResponse = CardInvoke.Message(message);
        else turn.SendText(message);
    }

    private static string? String(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n
            : v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null
            : null;

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "A review action ({Verb}) by someone who is not a coordinator was refused")]
    private static partial void LogRefused(ILogger logger, string? verb);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Information, Message = "{Subject} {Id} was already decided; the late action changed nothing")]
    private static partial void LogAlreadyDecided(ILogger logger, ReviewSubject subject, int id);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Information, Message = "{Subject} {Id} decided (approved: {Approved})")]
    private static partial void LogDecided(ILogger logger, ReviewSubject subject, int id, bool approved);
}
