using System.Text.Json;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Localization;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Profile;

/// <summary>
/// "My profile / settings": name, email, language, time zone (suggested from the Teams client), working hours
/// and "away until". Stored as the user's <see cref="UserProfile"/>; the language and zone also become the
/// user's choice on every conversation they have with the bot on this channel.
/// </summary>
public sealed class ProfileForm(CcapDbContext db, Localizer text) : IForm
{
    public const string Id = "profile";

    public static CommandDefinition Command { get; } = new("profile");

    public FormDefinition Definition { get; } = new()
    {
        Id = Id,
        Fields =
        [
            Field.ShortText("displayName", maxLength: 80),
            Field.Email("email"),
            Field.Choice("language", Languages.English, Languages.Vietnamese),
            Field.TimeZone("timeZone"),
            Field.Time("workStart").WithDefault("09:00"),
            Field.Time("workEnd").WithDefault("17:00"),
            Field.Date("awayUntil").Optional().Check(Rules.NotInPast()),
        ],
        Rules = [Rules.TimeAfter("workEnd", "workStart", "Form.profile.workEnd.AfterStart")],
    };

    public async Task<IReadOnlyDictionary<string, JsonElement>> PrefillAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var member = turn.Member;
        var profile = await db.UserProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ChannelId == member.ChannelId && p.UserId == member.UserId, cancellationToken);
        var answers = new Dictionary<string, JsonElement>();
        if (profile is null)
        {
            // A new profile starts from what the channel already told us: the name and the chosen language.
            if (!string.IsNullOrWhiteSpace(member.UserName)) answers["displayName"] = Json(member.UserName.Trim());
            if (member.Language is { } language) answers["language"] = Json(language);
            return answers;
        }
        answers["displayName"] = Json(profile.DisplayName);
        answers["email"] = Json(profile.Email);
        answers["language"] = Json(profile.Language);
        answers["timeZone"] = Json(profile.TimeZone);
        answers["workStart"] = Json(profile.WorkStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        answers["workEnd"] = Json(profile.WorkEnd.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        if (profile.AwayUntil is { } away && away >= turn.Today) answers["awayUntil"] = Json(away.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return answers;
    }

    public async Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(answers);
        var member = turn.Member;
        var profile = await db.UserProfiles.FirstOrDefaultAsync(p => p.ChannelId == member.ChannelId && p.UserId == member.UserId, cancellationToken);
        if (profile is null)
        {
            profile = new UserProfile { ChannelId = member.ChannelId, UserId = member.UserId, DisplayName = "", Email = "", Language = "", TimeZone = "" };
            db.UserProfiles.Add(profile);
        }
        profile.DisplayName = answers.Text("displayName")!;
        profile.Email = answers.Text("email")!;
        profile.Language = answers.Text("language")!;
        profile.TimeZone = answers.Text("timeZone")!;
        profile.WorkStart = answers.Time("workStart")!.Value;
        profile.WorkEnd = answers.Time("workEnd")!.Value;
        profile.AwayUntil = answers.Date("awayUntil");
        profile.UpdatedAt = turn.Now;

        // The same person in other conversations with the bot gets the same language and zone; their rows
        // change version so a turn running there re-reads them.
        member.Language = profile.Language;
        member.TimeZone = profile.TimeZone;
        var others = await db.ConversationMembers
            .Where(m => m.ChannelId == member.ChannelId && m.UserId == member.UserId && m.ConversationId != member.ConversationId)
            .ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            other.Language = profile.Language;
            other.TimeZone = profile.TimeZone;
            other.Version++;
        }
        return text.Get(profile.Language, "Form.profile.Done");
    }

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value, ProfileJsonContext.Default.String);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class ProfileJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
