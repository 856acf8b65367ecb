using Microsoft.Playwright;

namespace CcapBot.Tests.Browser;

/// <summary>What a person does and sees in the Web Chat page: type and send, read the transcript, press card buttons.</summary>
public static class WebChat
{
    public static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 20_000 };

    /// <summary>Transcript text (not the send box, not Web Chat's hidden copies).</summary>
    public static ILocator Text(IPage page, string text) => page.GetByRole(AriaRole.Feed).GetByText(text, new() { Exact = true });

    /// <summary>A button of a rendered Adaptive Card.</summary>
    public static ILocator CardButton(IPage page, string title) => page.Locator(".ac-pushButton", new() { HasText = title });

    /// <summary>Types and sends a message, and waits until Web Chat shows it in the transcript as sent.</summary>
    public static async Task SayAsync(IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        var input = page.GetByPlaceholder("Type your message").Or(page.GetByPlaceholder("Nhập tin nhắn của bạn"));
        await Assertions.Expect(input).ToBeEditableAsync(new() { Timeout = 20_000 });
        var before = await Text(page, text).CountAsync();
        await input.FillAsync(text);
        await input.PressAsync("Enter");
        // At least one more copy: Web Chat may also render the message in its accessible live region.
        await Assertions.Expect(Text(page, text).Nth(before)).ToBeAttachedAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Feed).GetByText("Sending")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
    }
}
