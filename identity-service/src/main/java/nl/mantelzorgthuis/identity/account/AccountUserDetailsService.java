package nl.mantelzorgthuis.identity.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Login by e-mail address; deactivated or not yet activated accounts cannot log in. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountStore accounts;

    AccountUserDetailsService(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Account account = accounts.byEmail(email).filter(Account::activated)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        return User.withUsername(account.email())
                .password(account.passwordHash())
                .disabled(!account.active())
                .roles(account.roles().stream().map(Enum::name).toArray(String[]::new))
                .build();
    }
}
