package fr.tribunes.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

@Transactional(readOnly = true)
interface EditorRepository extends Repository<Editor, Long> {

    Optional<Editor> findByUsername(String username);

    boolean existsByUsername(String username);

    long count();

    List<Editor> findAllByOrderByUsernameAsc();

    @Transactional
    Editor save(Editor editor);
}
