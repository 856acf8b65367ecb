using System.Text.Json;
using CcapBot.Protocol.Schema;

namespace CcapBot.Tests.Infrastructure;

/// <summary>Real-shaped inbound activities (Teams personal chat by default).</summary>
public sealed class ActivityBuilder
{
    private Activity _activity;

    private ActivityBuilder(Activity activity) => _activity = activity;

    public static ActivityBuilder Message(string text) => new(Base(ActivityTypes.Message) with { Text = text, TextFormat = "plain" });

    public static ActivityBuilder Submit(object value) => new(Base(ActivityTypes.Message) with { Value = JsonSerializer.SerializeToElement(value) });

    public static ActivityBuilder Execute(string verb, object? data = null) => new(Base(ActivityTypes.Invoke) with
    {
        Name = "adaptiveCard/action",
        Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data = data ?? new { } }, trigger = "manual" }),
    });

    public static ActivityBuilder ConversationUpdate(params ChannelAccount[] added) => new(Base(ActivityTypes.ConversationUpdate) with { MembersAdded = added });

    public static ActivityBuilder InstallationUpdate(string action) => new(Base(ActivityTypes.InstallationUpdate) with { Action = action });

    public static ChannelAccount Bot { get; } = new() { Id = "28:00000000-0000-0000-0000-0000000000b0", Name = "CcapBot" };

    private static Activity Base(string type) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = Channels.MsTeams,
        ServiceUrl = "http://localhost/",
        From = new ChannelAccount { Id = "29:user-1", Name = "Nguyen Van A", AadObjectId = "aad-user-1" },
        Recipient = Bot,
        Conversation = new ConversationAccount { Id = "a:personal-1", ConversationType = "personal", TenantId = "tenant-1" },
        Locale = "en-US",
        ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = "tenant-1" } }),
    };

    public ActivityBuilder WithId(string id) => Apply(a => a with { Id = id });
    public ActivityBuilder To(string serviceUrl) => Apply(a => a with { ServiceUrl = serviceUrl });
    public ActivityBuilder From(string id, string? name = null, string? aadObjectId = null) => Apply(a => a with { From = new ChannelAccount { Id = id, Name = name ?? id, AadObjectId = aadObjectId } });
    public ActivityBuilder InConversation(string id, string type = "personal") => Apply(a => a with
    {
        Conversation = new ConversationAccount { Id = id, ConversationType = type, IsGroup = type == "personal" ? null : true, TenantId = "tenant-1" },
    });
    public ActivityBuilder OnChannel(string channelId) => Apply(a => a with { ChannelId = channelId });
    public ActivityBuilder WithLocale(string locale) => Apply(a => a with { Locale = locale });
    public ActivityBuilder ReplyTo(string id) => Apply(a => a with { ReplyToId = id });
    public ActivityBuilder Apply(Func<Activity, Activity> change)
    {
        _activity = change(_activity);
        return this;
    }

    public Activity Build() => _activity;

    public string Json() => JsonSerializer.Serialize(_activity, ProtocolJsonContext.Default.Activity);
}
