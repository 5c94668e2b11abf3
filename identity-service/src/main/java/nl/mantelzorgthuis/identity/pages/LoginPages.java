package nl.mantelzorgthuis.identity.pages;

import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.identity.account.Accounts;
import nl.mantelzorgthuis.identity.domain.IdentityRuleViolation;
import nl.mantelzorgthuis.identity.settings.IdentityProperties;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages people see at the identity service, in Dutch and in the portal's design: logging in,
 * choosing a password with the invitation link, and what to do when the password is forgotten.
 * Spring Security handles the login form's POST; this only shows the pages.
 */
@Controller
@io.swagger.v3.oas.annotations.Hidden
class LoginPages {

    private final Accounts accounts;
    private final IdentityProperties properties;

    LoginPages(Accounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    /** Spring Security sends a refused login back with ?error, a logout with ?logout. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String geactiveerd, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("activated", geactiveerd != null);
        return "login";
    }

    @GetMapping("/wachtwoord-vergeten")
    String forgotten(Model model) {
        model.addAttribute("hours", properties.activationTtl().toHours());
        return "wachtwoord-vergeten";
    }

    @GetMapping("/activeren/{token}")
    String activation(@PathVariable @Size(max = 100) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("hours", properties.activationTtl().toHours());
        return "activeren";
    }

    @PostMapping("/activeren/{token}")
    String activate(@PathVariable @Size(max = 100) String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeated, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("hours", properties.activationTtl().toHours());
        if (!password.equals(repeated)) {
            model.addAttribute("error", "De twee wachtwoorden zijn niet gelijk. Typ twee keer hetzelfde wachtwoord.");
            return "activeren";
        }
        try {
            accounts.activate(token, password);
        } catch (IdentityRuleViolation e) {
            model.addAttribute("error", dutch(e));
            return "activeren";
        } catch (Problem.NotFound e) {
            model.addAttribute("unknown", true);
            return "activeren";
        }
        return "redirect:/login?geactiveerd";
    }

    private static String dutch(IdentityRuleViolation e) {
        if (e.title().equals("Password too long")) {
            return "Dit wachtwoord is te lang. Kies een wachtwoord van hoogstens 72 tekens (bytes).";
        }
        return "Kies een wachtwoord van minstens 12 tekens. Een zin van een paar woorden is makkelijk te onthouden.";
    }
}
