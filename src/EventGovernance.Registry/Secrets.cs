using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace EventGovernance.Registry
{
    /// <summary>
    /// Keeps credentials out of everything we print (the build, eventgov, the registry's messages): URLs lose their
    /// user info, known secrets are masked. The one masking in the toolkit; exceptions we do not control quote URLs.
    /// </summary>
    public sealed class Secrets
    {
        private const string Mask = "***";
        private static readonly Regex UserInfoInUrl = new Regex(@"(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s]+@", RegexOptions.Compiled);
        private readonly List<string> _values = new List<string>();

        public Secrets(params string?[] values)
        {
            foreach (string? value in values) Add(value);
        }

        public void Add(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            _values.Add(value!);
            // "user:password": the password alone must not leak either.
            int colon = value!.IndexOf(':');
            if (colon >= 0 && colon < value.Length - 1) _values.Add(value.Substring(colon + 1));
            // What a Basic Authorization header carries: a registry or proxy that repeats the header in its error
            // message would otherwise show the credential, only encoded.
            _values.Add(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)));
            // Longest first so a password inside "user:password" is masked as a whole.
            _values.Sort((a, b) => b.Length.CompareTo(a.Length));
        }

        /// <summary>The text with user info removed from URLs and every known secret masked.</summary>
        public string Scrub(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? "";
            string result = StripUserInfo(text!);
            foreach (string secret in _values)
                result = result.Replace(secret, Mask);
            return result;
        }

        public static string StripUserInfo(string text) => UserInfoInUrl.Replace(text, "${scheme}");

        /// <summary>The user info part of a URL (<c>user:password</c>), unescaped, or null.</summary>
        public static string? UserInfoOf(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.UserInfo.Length > 0 ? Uri.UnescapeDataString(uri.UserInfo) : null;
    }
}
