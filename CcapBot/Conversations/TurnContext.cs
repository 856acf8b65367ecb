using System.Text.Json;
using CcapBot.Conversations.Forms;
using CcapBot.Localization;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;

namespace CcapBot.Conversations;

/// <summary>
/// One turn: the inbound activity, the sender's stored member row (reference + dialog state), and the
/// replies the turn produces. Replies are buffered and sent only after the turn's database work commits,
/// so a turn re-run after a conflict never sends twice.
/// </summary>
public sealed class TurnContext(Activity activity, ConversationMember member, DateTimeOffset now)
{
    private readonly List<OutgoingActivity> _outgoing = [];

    public Activity Activity { get; } = activity;
    public ConversationMember Member { get; } = member;
    public DateTimeOffset Now { get; } = now;

    /// <summary>The user's language: their own choice first, then the client's locale.</summary>
    public string Language => Languages.Resolve(Member.Language, Activity.Locale ?? Member.ClientLocale);

    /// <summary>The user's time zone: their own choice, then the client's (Teams), then UTC.</summary>
    public TimeZoneInfo TimeZone => TimeZones.TryFind(Member.TimeZone) ?? TimeZones.TryFind(Member.ClientTimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>The user's calendar date now, in <see cref="TimeZone"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZone).DateTime);

    public bool IsTeams => Activity.ChannelId == Channels.MsTeams;

    /// <summary>Teams renders Action.Execute (Universal Actions); other channels get Action.Submit.</summary>
    public bool SupportsUniversalActions => IsTeams;

    public IReadOnlyList<OutgoingActivity> Outgoing => _outgoing;

    /// <summary>Set by invoke handlers; returned in the HTTP response.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>The card-submit payload (message.value or invoke action data), if any.</summary>
    public JsonElement? SubmitData { get; internal set; }

    /// <summary>The verb of the card action that started this turn, if any.</summary>
    public string? Verb { get; internal set; }

    /// <summary>The number typed after a command that takes one ("suggest mentors for 12"), if any.</summary>
    public int? CommandNumber { get; internal set; }

    public void Send(Activity reply) => _outgoing.Add(new OutgoingActivity(Address(reply), null));

    public void SendText(string text) => Send(new Activity { Type = ActivityTypes.Message, Text = text });

    public void SendCard(JsonElement card) => Send(new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] });

    /// <summary>Replaces an earlier bot message (e.g. the card whose button was pressed) in place.</summary>
    public void Update(string activityId, Activity replacement)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        _outgoing.Add(new OutgoingActivity(Address(replacement) with { Id = activityId, ReplyToId = null }, activityId));
    }

    internal void ClearOutgoing() => _outgoing.Clear();

    private Activity Address(Activity reply) => reply with
    {
        Type = reply.Type ?? ActivityTypes.Message,
        ChannelId = Activity.ChannelId,
        ServiceUrl = Activity.ServiceUrl,
        Conversation = Activity.Conversation,
        From = Activity.Recipient,
        Recipient = Activity.From,
        ReplyToId = reply.ReplyToId ?? (Activity.Type == ActivityTypes.Message ? Activity.Id : null),
        Locale = reply.Locale ?? Languages.Culture(Language),
    };
}

/// <param name="UpdateActivityId">When set, an update (PUT) of that activity rather than a new message.</param>
public sealed record OutgoingActivity(Activity Activity, string? UpdateActivityId);

/// <summary>One concern's reaction to a turn, registered in the route table.</summary>
public interface IActivityHandler
{
    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
