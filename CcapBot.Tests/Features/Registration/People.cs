using System.Globalization;
using CcapBot.Tests.Infrastructure;

namespace CcapBot.Tests.Features.Registration;

/// <summary>People of the C3 journeys, as Teams identities (aadObjectIds are GUIDs, as Teams sends them).</summary>
internal static class People
{
    public const string CoordinatorAad = "6a0f9d2e-0c1b-4f7a-9c3d-2b1e0f9a8c70";
    public const string CoordinatorId = "29:coordinator-lan";
    public const string SecondCoordinatorAad = "b7e2c1d0-5a4f-4e3b-8c2d-1f0e9d8c7b6a";
    public const string SecondCoordinatorId = "29:coordinator-minh";
    public const string KitakyushuAad = "c3d4e5f6-a7b8-4c9d-8e0f-112233445566";
    public const string KitakyushuId = "29:kitakyushu-sato";
    public const string OutsiderAad = "d4e5f6a7-b8c9-4d0e-9f10-223344556677";
    public const string OutsiderId = "29:outsider";

    /// <summary>Lan, the configured coordinator, in Teams.</summary>
    public static BotConversation Coordinator(this BotWorld world, string? localTimezone = null) =>
        world.Teams(CoordinatorId, "Lan Coordinator", CoordinatorAad, localTimezone: localTimezone);

    /// <summary>
    /// Registers a new city by chat in English (the shortest way through the form) and confirms; answers the reply
    /// to the confirmation.
    /// </summary>
    public static async Task<Reply> RegisterAsync(this BotConversation chat, string country, string city, string email, string agency = "Department of Environment")
    {
        await chat.SayAsync("register");
        await chat.SayAsync(country);
        await chat.SayAsync(city);
        await chat.SayAsync("skip"); // region
        await chat.SayAsync("Asia/Ho_Chi_Minh");
        await chat.SayAsync("skip"); // population
        await chat.SayAsync(agency);
        await chat.SayAsync(chat.UserName);
        await chat.SayAsync("Head of Air Quality");
        await chat.SayAsync(email);
        await chat.SayAsync("skip"); // phone
        await chat.SayAsync("skip"); // alternate contact
        await chat.SayAsync("English");
        await chat.SayAsync("Learning city");
        await chat.SayAsync("skip"); // AQM capacity
        var summary = await chat.SayAsync("yes");
        Assert.Contains("Please check your answers.", summary.All, StringComparison.Ordinal);
        return await chat.PressAsync("Confirm", card: summary.Cards.Last());
    }

    /// <summary>A learning request by chat in English on emissions inventory, confirmed.</summary>
    public static async Task<Reply> ApplyAsync(this BotConversation chat)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        await chat.SayAsync("apply");
        await chat.SayAsync("Learning request");
        await chat.SayAsync("Developing an emissions inventory");
        await chat.SayAsync("1");
        await chat.SayAsync("skip");
        await chat.SayAsync(start.ToString("MM/yyyy", CultureInfo.InvariantCulture));
        await chat.SayAsync(start.AddMonths(6).ToString("MM/yyyy", CultureInfo.InvariantCulture));
        await chat.SayAsync("email");
        await chat.SayAsync("data");
        await chat.SayAsync("skip");
        var summary = await chat.SayAsync("skip");
        Assert.Contains("Please check your answers.", summary.All, StringComparison.Ordinal);
        return await chat.PressAsync("Confirm", card: summary.Cards.Last());
    }
}
